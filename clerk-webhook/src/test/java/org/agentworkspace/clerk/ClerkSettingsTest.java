package org.agentworkspace.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClerkSettingsTest {

    @Test
    void blankValuesMeanNoCheckRatherThanRefusingEveryToken() {
        ClerkSettings settings = ClerkSettings.of(Optional.of("  "), Set.of("", " "));

        assertThat(settings.issuer()).isEmpty();
        assertThat(settings.authorizedParties()).isEmpty();
        assertThat(settings.acceptsIssuer("https://anything.test")).isTrue();
        assertThat(settings.acceptsAuthorizedParty("https://anything.test")).isTrue();
    }

    @Test
    void originsCompareWithoutTrailingSlash() {
        ClerkSettings settings = ClerkSettings.of(Optional.of("https://clerk.example.test/"),
                Set.of(" https://app.example.test/ "));

        assertThat(settings.acceptsIssuer("https://clerk.example.test")).isTrue();
        assertThat(settings.acceptsAuthorizedParty("https://app.example.test")).isTrue();
        assertThat(settings.acceptsAuthorizedParty("https://app.example.test.evil.test")).isFalse();
        assertThat(settings.acceptsIssuer(null)).isFalse();
    }

    @Test
    void theClockSkewIsBounded() {
        assertThatThrownBy(() -> new ClerkSettings(Optional.empty(), Set.of(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClerkSettings(Optional.empty(), Set.of(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ClerkSettings.of(Optional.empty(), Set.of()).clockSkew()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void localModeAcceptsOnlyTheLocalIssuer() {
        assertThat(ClerkSettings.localMode().acceptsIssuer(LocalSessionIssuer.ISSUER)).isTrue();
        assertThat(ClerkSettings.localMode().acceptsIssuer("https://clerk.example.test")).isFalse();
    }
}

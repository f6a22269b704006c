package org.agentworkspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClerkFrontendApiTest {

    private static String key(String prefix, String decoded) {
        return prefix + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheHostOfATestAndALiveKey() {
        assertThat(ClerkFrontendApi.fromPublishableKey(key("pk_test_", "happy-cat-12.clerk.accounts.dev$")).origin())
                .isEqualTo("https://happy-cat-12.clerk.accounts.dev");
        assertThat(ClerkFrontendApi.fromPublishableKey(key("pk_live_", "clerk.example.com$")).host())
                .isEqualTo("clerk.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clerk.example.com", "evil.com; script-src *$", "clerk.example.com/x$", "localhost$",
            "a.b:443$", "*.example.com$", "$"})
    void refusesKeysThatDoNotNameAPlainHost(String decoded) {
        assertThatThrownBy(() -> ClerkFrontendApi.fromPublishableKey(key("pk_test_", decoded)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLERK_PUBLISHABLE_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pk_test_", "pk_dev_Y2xlcmsuZXhhbXBsZS5jb20k", "sk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
            "pk_test_!!!", "pk_test_Y2xlcmsuZXhh\"bXBsZS5jb20k"})
    void refusesWhatIsNotAPublishableKey(String candidate) {
        assertThatThrownBy(() -> ClerkFrontendApi.fromPublishableKey(candidate))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

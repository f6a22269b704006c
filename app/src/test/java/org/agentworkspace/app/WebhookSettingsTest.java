package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook sender's variables (docs/operations.md): defaults, trimming, ranges, and only true/false. */
class WebhookSettingsTest {

    @Test
    void unsetOrBlankVariablesTakeTheDefaults() {
        assertThat(WebhookSettings.fromEnvironment(Map.of()))
                .isEqualTo(new WebhookSettings(false, true, Duration.ofMillis(1000), 4));
        assertThat(WebhookSettings.fromEnvironment(Map.of("AW_WEBHOOK_SENDER_THREADS", "  ",
                "AW_WEBHOOK_SENDER", "")))
                .isEqualTo(new WebhookSettings(false, true, Duration.ofMillis(1000), 4));
    }

    @Test
    void valuesAreTrimmedAndBooleansIgnoreCase() {
        WebhookSettings settings = WebhookSettings.fromEnvironment(Map.of("AW_WEBHOOK_ALLOW_PRIVATE", " TRUE ",
                "AW_WEBHOOK_SENDER", "false", "AW_WEBHOOK_POLL_MILLIS", " 50", "AW_WEBHOOK_SENDER_THREADS", "64 "));

        assertThat(settings).isEqualTo(new WebhookSettings(true, false, Duration.ofMillis(50), 64));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> WebhookSettings.fromEnvironment(Map.of("AW_WEBHOOK_SENDER_THREADS", "65")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("AW_WEBHOOK_SENDER_THREADS must be between 1 and 64 (got 65)");
        assertThatThrownBy(() -> WebhookSettings.fromEnvironment(Map.of("AW_WEBHOOK_POLL_MILLIS", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("AW_WEBHOOK_POLL_MILLIS must be a whole number (got 'soon')");
        // Unlike AppConfig's switches, the sender's take only true and false.
        assertThatThrownBy(() -> WebhookSettings.fromEnvironment(Map.of("AW_WEBHOOK_ALLOW_PRIVATE", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("AW_WEBHOOK_ALLOW_PRIVATE must be true or false (got 'yes')");
    }
}

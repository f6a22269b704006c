package org.agentworkspace.app;

import static org.agentworkspace.app.EnvironmentVariables.integer;
import static org.agentworkspace.app.EnvironmentVariables.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook sender's variables (docs/operations.md), read from the environment and checked at start.
 *
 * @param allowPrivate AW_WEBHOOK_ALLOW_PRIVATE: {@code http://} and loopback/private targets allowed
 * @param sending AW_WEBHOOK_SENDER: whether this instance sends (an instance that only serves the API may opt out)
 * @param pollInterval AW_WEBHOOK_POLL_MILLIS: how often an idle sender looks for due messages
 * @param threads AW_WEBHOOK_SENDER_THREADS: deliveries in flight at once on this instance
 */
record WebhookSettings(boolean allowPrivate, boolean sending, Duration pollInterval, int threads) {

    static WebhookSettings fromEnvironment(Map<String, String> env) {
        return new WebhookSettings(bool(env, "AW_WEBHOOK_ALLOW_PRIVATE", false), bool(env, "AW_WEBHOOK_SENDER", true),
                Duration.ofMillis(integer(env, "AW_WEBHOOK_POLL_MILLIS", 1000, 50, 600_000)),
                integer(env, "AW_WEBHOOK_SENDER_THREADS", 4, 1, 64));
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        Optional<String> value = text(env, name).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be true or false (got '" + value.get() + "')");
        };
    }
}

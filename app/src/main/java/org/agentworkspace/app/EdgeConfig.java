package org.agentworkspace.app;

import static org.agentworkspace.app.EnvironmentVariables.integer;

import java.time.Duration;
import java.util.Map;
import org.agentworkspace.http.HttpSettings;
import org.agentworkspace.http.edge.EdgeSettings;

/**
 * The HTTP edge's variables, validated at start like {@link AppConfig}'s:
 * {@code AW_HTTP_WORKER_THREADS} (default twice the connection pool, at least 16: requests beyond
 * the pool still answer {@code /healthz}, {@code /metrics} and refusals) and
 * {@code AW_HTTP_BODY_TIMEOUT_SECONDS} (default 10: how long a request may take to deliver its body).
 */
final class EdgeConfig {
    static final String WORKER_THREADS = "AW_HTTP_WORKER_THREADS";
    static final String BODY_TIMEOUT = "AW_HTTP_BODY_TIMEOUT_SECONDS";

    private EdgeConfig() {
    }

    static EdgeSettings fromEnvironment(Map<String, String> env, int poolSize) {
        int workers = integer(env, WORKER_THREADS, Math.max(16, 2 * poolSize), 2, 1000);
        int timeout = integer(env, BODY_TIMEOUT, 10, 1, 600);
        return new EdgeSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(timeout), workers);
    }
}

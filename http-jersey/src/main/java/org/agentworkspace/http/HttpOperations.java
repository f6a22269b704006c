package org.agentworkspace.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.Optional;
import org.agentworkspace.http.limits.RateLimiter;
import org.agentworkspace.http.limits.TrustedProxies;
import org.agentworkspace.http.metrics.PrometheusMetrics;

/**
 * What makes the HTTP layer operable, built by the app: the shared rate limiter (absent: no
 * limits, e.g. in narrow route tests), the proxies whose {@code X-Forwarded-For} is believed, and
 * the registry {@code /metrics} exposes (the app binds its connection pool to the same one).
 */
public record HttpOperations(Optional<RateLimiter> rateLimiter, TrustedProxies trustedProxies,
                             PrometheusMeterRegistry metrics) {
    public HttpOperations {
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** No rate limits, no trusted proxy, a registry of its own. */
    public static HttpOperations unlimited() {
        return new HttpOperations(Optional.empty(), TrustedProxies.none(), PrometheusMetrics.withJvmMetrics());
    }

    public static HttpOperations limited(RateLimiter limiter, TrustedProxies trustedProxies,
                                         PrometheusMeterRegistry metrics) {
        return new HttpOperations(Optional.of(limiter), trustedProxies, metrics);
    }
}

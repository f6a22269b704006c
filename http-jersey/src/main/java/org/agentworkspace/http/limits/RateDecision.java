package org.agentworkspace.http.limits;

import java.util.Objects;

/**
 * The answer to one request for a unit of quota.
 *
 * @param allowed whether the unit was granted (a refused request consumed nothing)
 * @param remaining units left in the current window after this request
 * @param resetSeconds seconds until the window restarts with the full quota
 * @param retryAfterSeconds when refused, seconds until a unit is available again (at least 1); else 0
 */
public record RateDecision(RateLimitPolicy policy, boolean allowed, long remaining, long resetSeconds,
                           long retryAfterSeconds) {
    public RateDecision {
        Objects.requireNonNull(policy, "policy");
        if (remaining < 0 || resetSeconds < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The {@code RateLimit} field value, e.g. {@code "key";r=599;t=60}. */
    public String header() {
        return "\"" + policy.partition().wireName() + "\";r=" + remaining + ";t=" + resetSeconds;
    }
}

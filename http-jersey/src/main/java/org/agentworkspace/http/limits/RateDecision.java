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
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public RateDecision {
        Objects.requireNonNull(policy, "policy");
        if (remaining < 0 || resetSeconds < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** A granted unit; the reset is rounded up to whole seconds, at least 1 and at most the window. */
    static RateDecision granted(RateLimitPolicy policy, long remaining, long nanosToReset) {
        return new RateDecision(policy, true, remaining, resetSeconds(policy, nanosToReset), 0);
    }

    /** A refusal; the reset is never sooner than the retry, so a client waiting for either is told no lie. */
    static RateDecision refused(RateLimitPolicy policy, long nanosToRetry, long nanosToReset) {
        long retryAfter = Math.max(1, ceilSeconds(nanosToRetry));
        return new RateDecision(policy, false, 0, Math.max(retryAfter, resetSeconds(policy, nanosToReset)), retryAfter);
    }

    private static long resetSeconds(RateLimitPolicy policy, long nanosToReset) {
        return Math.min(Math.max(1, ceilSeconds(nanosToReset)), policy.window().toSeconds());
    }

    private static long ceilSeconds(long nanos) {
        return (Math.max(0, nanos) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /** The {@code RateLimit} field value, e.g. {@code "key";r=599;t=60}. */
    public String header() {
        return "\"" + policy.partition().wireName() + "\";r=" + remaining + ";t=" + resetSeconds;
    }
}

package org.agentworkspace.http.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The quotas per partition, all over one window (a minute by default).
 *
 * @param keyPerWindow requests per API key (default 600)
 * @param feedPerWindow fetches per feed token (default 120)
 * @param userPerWindow dashboard API requests per user (default 300)
 * @param authFailuresPerWindow failed authentications per client address (default 30)
 */
public record RateLimitSettings(long keyPerWindow, long feedPerWindow, long userPerWindow,
                                long authFailuresPerWindow, Duration window) {
    public static final long DEFAULT_KEY = 600;
    public static final long DEFAULT_FEED = 120;
    public static final long DEFAULT_USER = 300;
    public static final long DEFAULT_AUTH_FAILURES = 30;

    public RateLimitSettings {
        // Building the policies validates every quota and the window.
        policies(keyPerWindow, feedPerWindow, userPerWindow, authFailuresPerWindow, window);
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(DEFAULT_KEY, DEFAULT_FEED, DEFAULT_USER, DEFAULT_AUTH_FAILURES,
                Duration.ofMinutes(1));
    }

    public RateLimitPolicy policy(Partition partition) {
        return policies().get(partition);
    }

    /** Every partition's policy, built once by a limiter instead of per request. */
    Map<Partition, RateLimitPolicy> policies() {
        return policies(keyPerWindow, feedPerWindow, userPerWindow, authFailuresPerWindow, window);
    }

    private static Map<Partition, RateLimitPolicy> policies(long key, long feed, long user, long auth, Duration window) {
        Map<Partition, RateLimitPolicy> policies = new EnumMap<>(Partition.class);
        policies.put(Partition.KEY, new RateLimitPolicy(Partition.KEY, key, window));
        policies.put(Partition.FEED, new RateLimitPolicy(Partition.FEED, feed, window));
        policies.put(Partition.USER, new RateLimitPolicy(Partition.USER, user, window));
        policies.put(Partition.AUTH, new RateLimitPolicy(Partition.AUTH, auth, window));
        return policies;
    }
}

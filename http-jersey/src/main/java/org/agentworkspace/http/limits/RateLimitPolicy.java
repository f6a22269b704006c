package org.agentworkspace.http.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A quota of {@code quota} units per {@code window} for one partition; the window restarts, full,
 * when it ends (a fixed window, so {@code RateLimit}'s remaining count only goes down inside it).
 */
public record RateLimitPolicy(Partition partition, long quota, Duration window) {
    public RateLimitPolicy {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(window, "window");
        if (quota < 1) {
            throw new IllegalArgumentException("quota must be positive");
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("window must be at least one second");
        }
    }

    /** The {@code RateLimit-Policy} field value, e.g. {@code "key";q=600;w=60}. */
    public String header() {
        return "\"" + partition.wireName() + "\";q=" + quota + ";w=" + window.toSeconds();
    }
}

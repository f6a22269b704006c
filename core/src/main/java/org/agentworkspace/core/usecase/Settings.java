package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the use cases. {@code random} must be a CSPRNG: it draws API keys and feed tokens.
 *
 * @param feedRefreshInterval the refresh hint written into feeds
 * @param idempotencyTtl how long an idempotency key replays its first response
 */
public record Settings(Clock clock, SecureRandom random, Duration feedRefreshInterval, Duration idempotencyTtl) {
    public Settings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(feedRefreshInterval, "feedRefreshInterval");
        Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
    }

    public static Settings defaults() {
        return new Settings(Clock.systemUTC(), new SecureRandom(), Duration.ofMinutes(15), Duration.ofHours(24));
    }
}

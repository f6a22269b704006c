package org.agentworkspace.core.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Now, at the precision storage keeps (PostgreSQL timestamps hold microseconds and round finer
 * values): what a write answers must be exactly what a later read returns.
 */
final class StorageClock {
    private final Clock clock;

    StorageClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

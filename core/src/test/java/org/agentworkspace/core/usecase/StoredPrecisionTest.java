package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoredPrecisionTest {

    @Test
    void timestampsCarryNoMoreThanTheMicrosecondsTheDatabaseKeeps() {
        // 0.4039996 s would be rounded up by PostgreSQL to .404000, and a response written from the
        // unrounded value would then disagree with every later read of the same row.
        Instant fine = Instant.parse("2026-11-29T05:45:38.403999600Z");
        StorageClock clock = new StorageClock(Clock.fixed(fine, ZoneOffset.UTC));

        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-29T05:45:38.403999Z"));
    }
}

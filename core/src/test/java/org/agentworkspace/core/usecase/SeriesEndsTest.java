package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.agentworkspace.core.domain.BusyInterval;
import org.junit.jupiter.api.Test;

class SeriesEndsTest {

    @Test
    void theOldSeriesEndsTheSecondBeforeTheOccurrenceAndLosesItsCount() {
        assertThat(SeriesEnds.endingBefore("FREQ=WEEKLY;BYDAY=TU;COUNT=6", Instant.parse("2026-04-07T07:00:00Z"), false))
                .isEqualTo("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260407T065959Z");
        assertThat(SeriesEnds.endingBefore("FREQ=DAILY;UNTIL=20261231T000000Z", Instant.parse("2026-03-05T00:00:00Z"), true))
                .isEqualTo("FREQ=DAILY;UNTIL=20260304");
    }

    @Test
    void theNewSeriesCountsOnFromWhereTheOldOneStopped() {
        assertThat(SeriesEnds.continuing("FREQ=WEEKLY;COUNT=6;BYDAY=TU", 3)).isEqualTo("FREQ=WEEKLY;BYDAY=TU;COUNT=3");
        assertThat(SeriesEnds.continuing("FREQ=WEEKLY;BYDAY=TU", 3)).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(SeriesEnds.continuing("FREQ=WEEKLY;UNTIL=20261231T000000Z", 3)).isEqualTo("FREQ=WEEKLY;UNTIL=20261231T000000Z");
    }

    @Test
    void busySpansThatOverlapOrTouchMergeIntoOne() {
        List<BusyInterval> merged = GetFreeBusyService.merged(List.of(
                span("2026-03-17T10:00:00Z", "2026-03-17T11:00:00Z"),
                span("2026-03-17T08:00:00Z", "2026-03-17T08:30:00Z"),
                span("2026-03-17T08:30:00Z", "2026-03-17T09:00:00Z"),
                span("2026-03-17T08:45:00Z", "2026-03-17T08:50:00Z")));

        assertThat(merged).containsExactly(span("2026-03-17T08:00:00Z", "2026-03-17T09:00:00Z"),
                span("2026-03-17T10:00:00Z", "2026-03-17T11:00:00Z"));
    }

    private static BusyInterval span(String start, String end) {
        return new BusyInterval(Instant.parse(start), Instant.parse(end));
    }
}

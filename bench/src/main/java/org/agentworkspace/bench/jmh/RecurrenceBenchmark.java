package org.agentworkspace.bench.jmh;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.port.out.Occurrence;
import org.agentworkspace.ics.BiweeklyRecurrenceExpander;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A daily series expanded over one year (365 occurrences), in a zone with DST changes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecurrenceBenchmark {
    private final BiweeklyRecurrenceExpander expander = new BiweeklyRecurrenceExpander();
    private final ZoneId zone = ZoneId.of("Europe/Berlin");
    private final EventData daily = new EventData("Standup", Instant.parse("2026-01-01T08:00:00Z"),
            Instant.parse("2026-01-01T08:15:00Z"), false, null, null, "FREQ=DAILY", zone, null);
    private final Instant from = Instant.parse("2026-01-01T00:00:00Z");
    private final Instant before = Instant.parse("2027-01-01T00:00:00Z");

    @Benchmark
    public List<Occurrence> dailyOverOneYear() {
        return expander.occurrences(daily, zone, from, before, 10_000);
    }
}

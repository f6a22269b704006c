package org.agentworkspace.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventDraft;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.domain.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Validation of a create: a plain event, and a recurring one with a zone (RRULE parsed). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventRulesBenchmark {
    private final EventDraft plain = new EventDraft(Field.of("Standup"), Field.of("2026-12-01T09:00:00+01:00"),
            Field.of("2026-12-01T09:15:00+01:00"), Field.absent(), Field.of("Daily sync of the team"),
            Field.of("Room 4"), Field.absent(), Field.absent(), Field.of("#3366cc"));
    private final EventDraft recurring = new EventDraft(Field.of("Standup"), Field.of("2026-12-01T09:00:00+01:00"),
            Field.of("2026-12-01T09:15:00+01:00"), Field.absent(), Field.of("Daily sync of the team"),
            Field.of("Room 4"), Field.of("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), Field.of("Europe/Berlin"),
            Field.of("#3366cc"));

    @Benchmark
    public EventData validatePlain() {
        return EventRules.validate(plain);
    }

    @Benchmark
    public EventData validateRecurring() {
        return EventRules.validate(recurring);
    }
}

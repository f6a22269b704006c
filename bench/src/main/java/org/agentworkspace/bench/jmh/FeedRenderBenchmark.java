package org.agentworkspace.bench.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.FeedHeader;
import org.agentworkspace.ics.IcsFeedRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Rendering the 10,000-event feed (10 % recurring, some zoned) into a stream that discards. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FeedRenderBenchmark {
    private final IcsFeedRenderer renderer = new IcsFeedRenderer();
    private final List<Event> events = new ArrayList<>();
    private FeedHeader header;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Agent agent = new Agent(AgentId.random(), new UserId("user_bench"), "Atlas", null, ZoneId.of("Europe/Berlin"),
                AgentStatus.ACTIVE, now, now);
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            Instant s = start.plus(Duration.ofMinutes(52L * i));
            boolean recurring = i % 10 == 0;
            EventData data = new EventData("Meeting " + i + " with the team about the quarterly plan", s,
                    s.plus(Duration.ofMinutes(45)), false, "Agenda: review, decisions, next steps. Item " + i + ".",
                    i % 3 == 0 ? "Room " + (i % 17) : null, recurring ? "FREQ=WEEKLY;COUNT=10" : null,
                    recurring ? ZoneId.of("America/New_York") : null, null);
            events.add(new Event(EventId.random(), agent.id(), data, 1 + i % 3, now, now));
        }
        header = new FeedHeader(agent, FeedDetail.FULL, now, Duration.ofHours(1),
                Set.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York")));
    }

    @Benchmark
    public long render10k() throws IOException {
        CountingDiscard out = new CountingDiscard();
        renderer.render(header, sink -> events.forEach(sink), out);
        return out.count;
    }

    /** Counts bytes so the work cannot be optimised away, keeps none. */
    private static final class CountingDiscard extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

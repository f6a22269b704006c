package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.EventWindow;
import org.agentworkspace.core.port.out.StartBounds;
import org.junit.jupiter.api.Test;

/** {@link org.agentworkspace.core.port.out.EventRepository}: every backend keeps these promises. */
public abstract class EventRepositoryContract extends PortContract {

    private Event eventOf(AgentScope scope, String title) {
        Event event = new Event(EventId.random(), scope.agentId(), new EventData(title, T0, T0.plus(1, ChronoUnit.HOURS),
                false, null, null, null, null, null), 1, T0, T0);
        run(scope, () -> ports.events().insert(scope, event));
        return event;
    }

    private static Event retitled(Event event, String title) {
        EventData d = event.data();
        return new Event(event.id(), event.agentId(), new EventData(title, d.start(), d.end(), d.allDay(),
                d.description(), d.location(), d.rrule(), d.timezone(), d.color()), event.version() + 1,
                event.createdAt(), event.updatedAt().plusSeconds(1));
    }

    @Test
    public void anAgentFindsListsChangesAndDeletesItsOwnEvent() {
        Event event = eventOf(a, "standup");
        assertThat(in(a, () -> ports.events().find(a, event.id()))).contains(event);
        assertThat(in(a, () -> ports.events().list(a, new EventWindow(null, null, 50, 0)))).containsExactly(event);

        Event changed = retitled(event, "retro");
        assertThat(in(a, () -> ports.events().update(a, changed, event.version()))).isTrue();
        assertThat(in(a, () -> ports.events().update(a, retitled(event, "stale"), event.version()))).isFalse();
        assertThat(in(a, () -> ports.events().find(a, event.id()))).contains(changed);

        assertThat(in(a, () -> ports.events().delete(a, event.id()))).isTrue();
        assertThat(in(a, () -> ports.events().find(a, event.id()))).isEmpty();
    }

    @Test
    public void scopeBCannotSeeChangeOrDeleteAsEvent() {
        Event event = eventOf(a, "private");

        assertThat(in(b, () -> ports.events().find(b, event.id()))).isEmpty();
        assertThat(in(b, () -> ports.events().list(b, new EventWindow(null, null, 50, 0)))).isEmpty();
        assertThat(in(b, () -> ports.events().candidatesForExpansion(b, T0.minusSeconds(60), T0.plusSeconds(60))))
                .isEmpty();
        List<Event> streamed = new ArrayList<>();
        run(b, () -> ports.events().forEach(b, streamed::add));
        assertThat(streamed).isEmpty();
        assertThat(in(b, () -> ports.events().update(b, retitled(event, "hijacked"), event.version()))).isFalse();
        assertThat(in(b, () -> ports.events().delete(b, event.id()))).isFalse();

        assertThat(in(a, () -> ports.events().find(a, event.id()))).contains(event);
    }

    private Event seriesOf(AgentScope scope, String title, Instant start, StartBounds bounds) {
        Event series = new Event(EventId.random(), scope.agentId(), new EventData(title, start,
                start.plus(1, ChronoUnit.HOURS), false, null, null, "FREQ=DAILY", ZoneId.of("UTC"), null), 1, T0, T0);
        run(scope, () -> ports.events().insert(scope, series, bounds));
        return series;
    }

    @Test
    public void aWindowReadsNoSeriesWhoseStartBoundsMissIt() {
        Instant from = T0.plus(10, ChronoUnit.DAYS);
        Instant before = from.plus(7, ChronoUnit.DAYS);
        seriesOf(a, "ended", T0, new StartBounds(T0, from.minusSeconds(1)));
        Event reaching = seriesOf(a, "reaching", T0, new StartBounds(T0, from));
        Event endless = seriesOf(a, "endless", T0, new StartBounds(T0, null));
        Event renewed = seriesOf(a, "renewed", T0, new StartBounds(T0, T0));
        seriesOf(a, "later", before, new StartBounds(before, null));
        seriesOf(a, "moved earlier", before, new StartBounds(before.minusSeconds(1), null));
        Event single = eventOf(a, "single");

        assertThat(in(a, () -> ports.events().candidatesForExpansion(a, from, before)))
                .extracting(e -> e.data().title()).containsExactlyInAnyOrder("reaching", "endless", "moved earlier");

        // An update writes the bounds anew: moved later it is read, without bounds it is unbounded.
        Event later = renewed.changed(renewed.data(), 2, T0);
        assertThat(in(a, () -> ports.events().update(a, later, 1, new StartBounds(T0, before)))).isTrue();
        assertThat(in(a, () -> ports.events().update(a, reaching.changed(reaching.data(), 2, T0), 1,
                new StartBounds(T0, from.minusSeconds(1))))).isTrue();
        assertThat(in(a, () -> ports.events().update(a, endless.changed(endless.data(), 2, T0), 1))).isTrue();
        assertThat(in(a, () -> ports.events().candidatesForExpansion(a, from, before)))
                .extracting(e -> e.data().title()).containsExactlyInAnyOrder("endless", "renewed", "moved earlier");
        assertThat(in(a, () -> ports.events().candidatesForExpansion(a, T0, T0.plusSeconds(1))))
                .extracting(e -> e.data().title()).as("every series starting in the window, and the one-off")
                .containsExactlyInAnyOrder("ended", "reaching", "endless", "renewed", single.data().title());
    }

    @Test
    public void aFailureRollsTheWritesBack() {
        Event kept = eventOf(a, "kept");
        Event lost = new Event(EventId.random(), a.agentId(), kept.data(), 1, T0, T0);
        failAfter(a, () -> {
            ports.events().insert(a, lost);
            ports.events().update(a, retitled(kept, "changed"), kept.version());
        });
        assertThat(in(a, () -> ports.events().find(a, lost.id()))).isEmpty();
        assertThat(in(a, () -> ports.events().find(a, kept.id()))).contains(kept);
    }
}

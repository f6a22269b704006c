package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.OriginalStarts;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.EventRepository;

/**
 * What the occurrence use cases share: finding a named occurrence of a series, the series' zone,
 * and writing the series row so that every override or cancellation moves its version and
 * {@code updatedAt} (ETag, SEQUENCE, LAST-MODIFIED, the calendar fingerprint) in the same
 * transaction.
 */
final class SeriesWrites {
    private final EventRepository events;
    private final AgentRepository agents;
    private final SeriesExpansion expansion;
    private final StorageClock clock;

    SeriesWrites(EventRepository events, AgentRepository agents, SeriesExpansion expansion, StorageClock clock) {
        this.events = events;
        this.agents = agents;
        this.expansion = expansion;
        this.clock = clock;
    }

    /** An occurrence found: its series as stored, the zone the series recurs in, its original start. */
    record Target(Event series, ZoneId zone, Instant originalStart) {
        Optional<EventException> exception() {
            return series.exceptionAt(originalStart);
        }
    }

    /** Now, at the precision storage keeps, so what a write answers is what a later read returns. */
    Instant now() {
        return clock.now();
    }

    SeriesExpansion expansion() {
        return expansion;
    }

    /** The series {@code eventId} of the scope's agent; one-off events are no series. */
    Event series(AgentScope scope, String eventId) {
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        Event series = events.find(scope, id).orElseThrow(() -> new NotFound("Event"));
        if (!series.data().recurring()) {
            throw new NotFound("Occurrence");
        }
        return series;
    }

    /** The zone a series recurs in: its own, else its agent's (API.md, "Precise semantics"). */
    ZoneId zoneOf(AgentScope scope, Event series) {
        ZoneId zone = series.data().timezone();
        return zone != null ? zone : agents.get(scope).orElseThrow(() -> new NotFound("Agent")).timezone();
    }

    /**
     * The occurrence named {@code name} of series {@code eventId}.
     *
     * @throws NotFound for an unknown series, a name the rule does not produce, a cancelled occurrence
     */
    Target locate(AgentScope scope, String eventId, String name) {
        Event series = series(scope, eventId);
        ZoneId zone = zoneOf(scope, series);
        Instant named = OriginalStarts.parse(name).orElseThrow(() -> new NotFound("Occurrence"));
        Instant originalStart = expansion.originalStart(series, zone, named)
                .orElseThrow(() -> new NotFound("Occurrence"));
        Target target = new Target(series, zone, originalStart);
        if (target.exception().filter(EventException::cancelled).isPresent()) {
            throw new NotFound("Occurrence");
        }
        return target;
    }

    /**
     * Writes {@code data} on the series with the next version and now, if it is still at the
     * version it was read at; empty when a concurrent write got there first.
     */
    Optional<Event> bump(AgentScope scope, Event series, EventData data) {
        Event next = series.changed(data, series.version() + 1, now());
        return events.update(scope, next, series.version()) ? Optional.of(next) : Optional.empty();
    }

    static void check(OptionalLong expectedVersion, Event series) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != series.version()) {
            throw new PreconditionFailed();
        }
    }

    /**
     * Runs {@code attempt} until it returns non-null: once with {@code If-Match} (a lost race is
     * then a {@link PreconditionFailed}), twice without, as {@link UpdateEventService} does.
     */
    static <T> T retrying(OptionalLong expectedVersion, Supplier<T> attempt) {
        int attempts = expectedVersion.isPresent() ? 1 : 2;
        for (int i = 0; i < attempts; i++) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
        }
        throw new PreconditionFailed();
    }
}

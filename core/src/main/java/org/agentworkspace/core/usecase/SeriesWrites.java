package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

/**
 * What the occurrence use cases share: finding a named occurrence of a series, the series' zone,
 * the one transaction an occurrence write runs in, and writing the series row so that every
 * override or cancellation moves its version and {@code updatedAt} (ETag, SEQUENCE,
 * LAST-MODIFIED, the calendar fingerprint) and the bounds of its occurrences' starts
 * ({@link SeriesBounds}) in the same transaction.
 */
final class SeriesWrites {
    private final Transactions transactions;
    private final Ownership ownership;
    private final EventRepository events;
    private final AgentRepository agents;
    private final SeriesExpansion expansion;
    private final StorageClock clock;
    private final SeriesBounds bounds;

    SeriesWrites(Transactions transactions, Ownership ownership, EventRepository events, AgentRepository agents,
                 SeriesExpansion expansion, StorageClock clock, SeriesBounds bounds) {
        this.transactions = transactions;
        this.ownership = ownership;
        this.events = events;
        this.agents = agents;
        this.expansion = expansion;
        this.clock = clock;
        this.bounds = bounds;
    }

    /** One attempt of an occurrence write on the located occurrence; {@code null} when it lost a race. */
    interface Attempt<T> {
        T on(AgentScope scope, Target target);
    }

    /**
     * Runs {@code attempt} on the occurrence {@code originalStart} of series {@code eventId} of the
     * caller's agent (scope {@code events:write}), in one transaction, after comparing
     * {@code If-Match} with the series' version; a lost race is retried as {@link #retrying} says.
     */
    <T> T writeOccurrence(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion,
                          Attempt<T> attempt) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        return transactions.inTransaction(scope, () -> retrying(expectedVersion, () -> {
            Target target = locate(scope, eventId, originalStart);
            check(expectedVersion, target.series());
            return attempt.on(scope, target);
        }));
    }

    /** An occurrence found: its series as stored, the zone the series recurs in, its original start. */
    record Target(Event series, ZoneId zone, Instant originalStart) {
        Optional<EventException> exception() {
            return series.exceptionAt(originalStart);
        }

        /** The series' exceptions with this occurrence's replaced by {@code exception} ({@code null}: none). */
        List<EventException> exceptionsWith(EventException exception) {
            List<EventException> exceptions = new ArrayList<>(series.exceptions());
            exceptions.removeIf(e -> e.originalStart().equals(originalStart));
            if (exception != null) {
                exceptions.add(exception);
            }
            return exceptions;
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
     * Writes {@code data} on the series with the next version and now, and the start bounds of
     * {@code data} with {@code exceptions} (the series' exceptions once this write is done), if
     * it is still at the version it was read at; empty when a concurrent write got there first.
     */
    Optional<Event> bump(AgentScope scope, Event series, EventData data, List<EventException> exceptions) {
        Event next = series.changed(data, series.version() + 1, now());
        return events.update(scope, next, series.version(), bounds.of(data, exceptions))
                ? Optional.of(next) : Optional.empty();
    }

    /**
     * Ends the located series just before its occurrence ({@link SeriesEnds#endingBefore}) and
     * discards the exceptions from that occurrence on, or deletes the series when the occurrence is
     * its first; false when a concurrent write got there first (or the series is gone).
     */
    boolean endBefore(AgentScope scope, Target target) {
        Event stored = target.series();
        EventData old = stored.data();
        Instant at = target.originalStart();
        if (at.equals(old.start())) {
            return events.delete(scope, stored.id());
        }
        EventData ended = new EventData(old.title(), old.start(), old.end(), old.allDay(), old.description(),
                old.location(), SeriesEnds.endingBefore(old.rrule(), at, old.allDay()), old.timezone(), old.color());
        List<EventException> kept = stored.exceptions().stream().filter(e -> e.originalStart().isBefore(at)).toList();
        if (bump(scope, stored, ended, kept).isEmpty()) {
            return false;
        }
        events.discardExceptions(scope, stored.id(), at);
        return true;
    }

    /** Inserts {@code event} as a new event of the scope's agent, with its start bounds. */
    void insert(AgentScope scope, Event event) {
        events.insert(scope, event, bounds.of(event.data(), event.exceptions()));
    }

    private static void check(OptionalLong expectedVersion, Event series) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != series.version()) {
            throw new PreconditionFailed();
        }
    }

    /**
     * Runs {@code attempt} until it returns non-null: once with {@code If-Match} (a lost race is
     * then a {@link PreconditionFailed}), twice without, as {@link UpdateEventService} does.
     */
    private static <T> T retrying(OptionalLong expectedVersion, Supplier<T> attempt) {
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

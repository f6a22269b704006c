package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event of one agent's calendar. {@code version} starts at 1 and moves on every change,
 * including every override or cancellation of one of its occurrences; it backs the ETag and the
 * iCalendar SEQUENCE.
 *
 * <p>A stored series carries its {@code exceptions}, ordered by original start (empty for a
 * one-off event). An expanded occurrence is the series' event with that occurrence's data: it
 * carries its {@code originalStart} (null on a stored event), whether an override shaped it
 * ({@code modified}), and no exceptions.
 */
public record Event(EventId id, AgentId agentId, EventData data, long version, Instant createdAt,
                    Instant updatedAt, List<EventException> exceptions, Instant originalStart, boolean modified) {
    private static final Comparator<EventException> BY_ORIGINAL_START =
            Comparator.comparing(EventException::originalStart);

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        exceptions = exceptions.isEmpty() ? List.of() : sorted(exceptions);
    }

    /** A stored event without exceptions. */
    public Event(EventId id, AgentId agentId, EventData data, long version, Instant createdAt, Instant updatedAt) {
        this(id, agentId, data, version, createdAt, updatedAt, List.of(), null, false);
    }

    private static List<EventException> sorted(List<EventException> exceptions) {
        List<EventException> copy = new ArrayList<>(exceptions);
        copy.sort(BY_ORIGINAL_START);
        return List.copyOf(copy);
    }

    /** This stored event with {@code exceptions} instead of its own. */
    public Event withExceptions(List<EventException> exceptions) {
        return new Event(id, agentId, data, version, createdAt, updatedAt, exceptions, originalStart, modified);
    }

    /** This stored event with new data, version and change time, keeping its exceptions. */
    public Event changed(EventData newData, long newVersion, Instant changedAt) {
        return new Event(id, agentId, newData, newVersion, createdAt, changedAt, exceptions, originalStart, modified);
    }

    /** The exception of the occurrence at {@code start}, if any. */
    public Optional<EventException> exceptionAt(Instant start) {
        for (EventException e : exceptions) {
            if (e.originalStart().equals(start)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Original starts of the cancelled occurrences, oldest first. */
    public List<Instant> cancelledOccurrences() {
        return exceptions.stream().filter(EventException::cancelled).map(EventException::originalStart).toList();
    }

    /** Original starts of the overridden occurrences, oldest first. */
    public List<Instant> modifiedOccurrences() {
        return exceptions.stream().filter(e -> !e.cancelled()).map(EventException::originalStart).toList();
    }

    /** True for an expanded occurrence of a series, false for a stored event. */
    public boolean isOccurrence() {
        return originalStart != null;
    }

    /**
     * The occurrence of this series the rule places at {@code originalStart}, with its override
     * applied (the caller knows it is not cancelled).
     */
    public Event occurrenceAt(Instant originalStart) {
        EventException override = exceptionAt(originalStart).filter(e -> !e.cancelled()).orElse(null);
        return new Event(id, agentId, EventException.effective(data, originalStart, override), version, createdAt,
                updatedAt, List.of(), originalStart, override != null);
    }
}

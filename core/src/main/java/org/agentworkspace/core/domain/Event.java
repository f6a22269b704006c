package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An event of one agent's calendar. {@code version} starts at 1 and moves on every change; it
 * backs the ETag and the iCalendar SEQUENCE.
 */
public record Event(EventId id, AgentId agentId, EventData data, long version, Instant createdAt,
                    Instant updatedAt) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** One occurrence of this series: the same event with its own start and end. */
    public Event occurrence(Instant occurrenceStart, Instant occurrenceEnd) {
        EventData d = data;
        return new Event(id, agentId,
                new EventData(d.title(), occurrenceStart, occurrenceEnd, d.allDay(), d.description(),
                        d.location(), d.rrule(), d.timezone(), d.color()),
                version, createdAt, updatedAt);
    }
}

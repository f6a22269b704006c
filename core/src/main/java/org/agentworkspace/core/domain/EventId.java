package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one event. Unknown and malformed ids alike are "not found" to callers. */
public record EventId(UUID value) {
    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId random() {
        return new EventId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<EventId> parse(String text) {
        return Uuids.parse(text).map(EventId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

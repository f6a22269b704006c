package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one calendar. Unknown and malformed ids alike are "not found" to callers. */
public record CalendarId(UUID value) {
    public CalendarId {
        Objects.requireNonNull(value, "value");
    }

    public static CalendarId random() {
        return new CalendarId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<CalendarId> parse(String text) {
        return Uuids.parse(text).map(CalendarId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.agentworkspace.core.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How an occurrence is named on the wire (API.md, "Recurring series"): its original start in UTC
 * with {@code Z} at second precision, or for an all-day series its date {@code YYYY-MM-DD}.
 */
public final class OriginalStarts {
    private OriginalStarts() {
    }

    public static String format(Instant originalStart, boolean allDay) {
        return allDay ? DateTimeFormatter.ISO_LOCAL_DATE.format(originalStart.atOffset(java.time.ZoneOffset.UTC))
                : originalStart.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The instant a name stands for: an ISO 8601 date-time with offset, or a date (its UTC
     * midnight, as all-day events are stored); empty for anything else, which names no occurrence.
     */
    public static Optional<Instant> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Instant at = Instants.dateTime(name);
        if (at == null) {
            at = Instants.date(name);
        }
        return at == null || !Instants.inSupportedRange(at) ? Optional.empty() : Optional.of(at);
    }
}

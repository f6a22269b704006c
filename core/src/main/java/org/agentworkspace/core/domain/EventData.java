package org.agentworkspace.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The validated, writable part of an event.
 *
 * <p>For an all-day event {@code start} and {@code end} are UTC midnights naming whole days, and
 * {@code end} is exclusive as in iCalendar. Optional fields are {@code null} when unset;
 * {@code rrule} is the normalised RRULE value without the {@code RRULE:} prefix.
 */
public record EventData(String title, Instant start, Instant end, boolean allDay, String description,
                        String location, String rrule, ZoneId timezone, String color) {
    public EventData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public LocalDate startDate() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    public LocalDate endDate() {
        return LocalDate.ofInstant(end, ZoneOffset.UTC);
    }

    public boolean recurring() {
        return rrule != null;
    }
}

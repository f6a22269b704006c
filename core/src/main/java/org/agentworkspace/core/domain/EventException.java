package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An exception of one occurrence of a recurring series, named by the occurrence's
 * {@code originalStart} (the instant the unmodified rule places it at; for an all-day series its
 * date as a UTC midnight, as all-day events are stored). Either a cancellation, or an override
 * that holds only the fields it was given: a {@code null} field follows the series.
 */
public record EventException(Instant originalStart, boolean cancelled, String title, Instant start, Instant end,
                             String description, String location, String color) {
    public EventException {
        Objects.requireNonNull(originalStart, "originalStart");
        if (cancelled && !(title == null && start == null && end == null && description == null && location == null
                && color == null)) {
            throw new IllegalArgumentException("a cancellation carries no fields");
        }
    }

    public static EventException cancellation(Instant originalStart) {
        return new EventException(originalStart, true, null, null, null, null, null, null);
    }

    /** True when the override holds no field any more: it is then no exception at all. */
    public boolean empty() {
        return !cancelled && title == null && start == null && end == null && description == null
                && location == null && color == null;
    }

    /**
     * The occurrence at {@code originalStart} of {@code series} with this override applied (or the
     * plain occurrence for {@code null}): a field without override follows the series, and an end
     * without override keeps the series' length from the occurrence's (possibly moved) start.
     */
    public static EventData effective(EventData series, Instant originalStart, EventException override) {
        java.time.Duration length = java.time.Duration.between(series.start(), series.end());
        if (override == null) {
            return new EventData(series.title(), originalStart, originalStart.plus(length), series.allDay(),
                    series.description(), series.location(), series.rrule(), series.timezone(), series.color());
        }
        Instant start = override.start() != null ? override.start() : originalStart;
        Instant end = override.end() != null ? override.end() : start.plus(length);
        return new EventData(or(override.title(), series.title()), start, end, series.allDay(),
                or(override.description(), series.description()), or(override.location(), series.location()),
                series.rrule(), series.timezone(), or(override.color(), series.color()));
    }

    private static <T> T or(T overridden, T series) {
        return overridden != null ? overridden : series;
    }
}

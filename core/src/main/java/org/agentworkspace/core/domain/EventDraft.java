package org.agentworkspace.core.domain;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An event as the caller wants it, field by field as sent: the input of {@link EventRules}.
 * For an update, {@link #over(EventData)} fills every field the caller did not send from the
 * stored event, so the merged whole is validated by the same rules as a new event.
 */
public record EventDraft(Field<String> title, Field<String> start, Field<String> end, Field<Boolean> allDay,
                         Field<String> description, Field<String> location, Field<String> rrule,
                         Field<String> timezone, Field<String> color) {
    public EventDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(allDay, "allDay");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(rrule, "rrule");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(color, "color");
    }

    /**
     * This draft's present fields over {@code stored}: an absent field takes the stored value,
     * written as the caller would have written it ({@code YYYY-MM-DD} for all-day bounds).
     */
    public EventDraft over(EventData stored) {
        boolean storedAllDay = stored.allDay();
        return new EventDraft(
                or(title, stored.title()),
                or(start, storedAllDay ? DateTimeFormatter.ISO_LOCAL_DATE.format(stored.startDate()) : stored.start().toString()),
                or(end, storedAllDay ? DateTimeFormatter.ISO_LOCAL_DATE.format(stored.endDate()) : stored.end().toString()),
                or(allDay, storedAllDay),
                or(description, stored.description()),
                or(location, stored.location()),
                or(rrule, stored.rrule()),
                or(timezone, stored.timezone() == null ? null : stored.timezone().getId()),
                or(color, stored.color()));
    }

    private static <T> Field<T> or(Field<T> sent, T stored) {
        if (sent.isPresent()) {
            return sent;
        }
        return stored == null ? Field.absent() : Field.of(stored);
    }
}

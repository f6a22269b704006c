package org.agentworkspace.core.usecase;

import java.time.Instant;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventDraft;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.OriginalStarts;
import org.agentworkspace.core.port.in.OccurrenceInput;

/**
 * Merges a sent override into the stored one and validates the occurrence it yields with the
 * events' own rules, so an occurrence obeys exactly what an event obeys (lengths, colour, end not
 * before start, dates for all-day series).
 */
final class OccurrenceOverrides {
    private OccurrenceOverrides() {
    }

    /**
     * The override of the occurrence at {@code originalStart} after {@code sent}: a sent value
     * overrides, a sent {@code null} drops that field's override, an absent field keeps the stored
     * override ({@code stored} may be null). The result may be {@link EventException#empty()}.
     *
     * @throws org.agentworkspace.core.domain.ValidationFailed with every issue, under the field names
     */
    static EventException merge(EventData series, Instant originalStart, EventException stored, OccurrenceInput sent) {
        boolean allDay = series.allDay();
        Field<String> title = overridden(sent.title(), stored == null ? null : stored.title());
        Field<String> start = overridden(sent.start(), stored == null || stored.start() == null ? null
                : OriginalStarts.format(stored.start(), allDay));
        Field<String> end = overridden(sent.end(), stored == null || stored.end() == null ? null
                : OriginalStarts.format(stored.end(), allDay));
        Field<String> description = overridden(sent.description(), stored == null ? null : stored.description());
        Field<String> location = overridden(sent.location(), stored == null ? null : stored.location());
        Field<String> color = overridden(sent.color(), stored == null ? null : stored.color());

        Field<String> effectiveStart = start != null ? start : Field.of(OriginalStarts.format(originalStart, allDay));
        // Without its own end the occurrence keeps the series' length from its start, which can
        // never end before it: validating against the start itself checks nothing wrongly.
        Field<String> effectiveEnd = end != null ? end : effectiveStart;
        EventData valid = EventRules.validate(new EventDraft(
                title != null ? title : Field.of(series.title()), effectiveStart, effectiveEnd, Field.of(allDay),
                description != null ? description : Field.ofNullable(series.description()),
                location != null ? location : Field.ofNullable(series.location()),
                Field.absent(),
                series.timezone() == null ? Field.absent() : Field.of(series.timezone().getId()),
                color != null ? color : Field.ofNullable(series.color())));
        return new EventException(originalStart, false,
                title != null ? valid.title() : null,
                start != null ? valid.start() : null,
                end != null ? valid.end() : null,
                description != null ? valid.description() : null,
                location != null ? valid.location() : null,
                color != null ? valid.color() : null);
    }

    /** The field as overridden after the request, or {@code null} when it follows the series. */
    private static Field<String> overridden(Field<String> sent, String stored) {
        if (sent instanceof Field.Null<String>) {
            return null;
        }
        if (sent.isPresent()) {
            return sent;
        }
        return stored == null ? null : Field.of(stored);
    }
}

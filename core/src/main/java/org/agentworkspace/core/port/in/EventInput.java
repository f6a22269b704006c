package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Field;

/**
 * An event body as sent. {@code start}/{@code end} are ISO 8601 instants with offset, or
 * {@code YYYY-MM-DD} for all-day events; {@code rrule} may carry the {@code RRULE:} prefix.
 */
public record EventInput(Field<String> title, Field<String> start, Field<String> end, Field<Boolean> allDay,
                         Field<String> description, Field<String> location, Field<String> rrule,
                         Field<String> timezone, Field<String> color) {

    /** Names of the fields, as an agent must spell them; used to explain unknown fields. */
    public static final java.util.List<String> FIELD_NAMES = java.util.List.of(
            "title", "start", "end", "allDay", "description", "location", "rrule", "timezone", "color");
}

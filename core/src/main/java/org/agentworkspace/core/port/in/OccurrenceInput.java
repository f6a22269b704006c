package org.agentworkspace.core.port.in;

import java.util.List;
import java.util.function.Predicate;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.Issues;

/**
 * An override of one occurrence as sent: the fields an occurrence may change on its own. A value
 * overrides the series' field for this occurrence, {@code null} removes that field's override,
 * an absent field keeps what was there. {@code start}/{@code end} are written as for events.
 */
public record OccurrenceInput(Field<String> title, Field<String> start, Field<String> end,
                              Field<String> description, Field<String> location, Field<String> color) {

    /** Names of the fields, as an agent must spell them; used to explain unknown fields. */
    public static final List<String> FIELD_NAMES =
            List.of("title", "start", "end", "description", "location", "color");

    /** Fields only a whole series has: changed from an occurrence on only as "this and following". */
    public static final List<String> SERIES_FIELD_NAMES = List.of("allDay", "rrule", "timezone");

    /**
     * Refuses, with a message that says where they belong, the series-only fields a request for
     * one occurrence carries ({@code sent} tells which are present); REST and MCP share it.
     */
    public static void refuseSeriesFields(Predicate<String> sent) {
        Issues issues = new Issues();
        for (String field : SERIES_FIELD_NAMES) {
            if (sent.test(field)) {
                issues.add(field, field + " belongs to the whole series: one occurrence may change only "
                        + String.join(", ", FIELD_NAMES) + " (or send following=true)");
            }
        }
        issues.throwIfAny();
    }
}

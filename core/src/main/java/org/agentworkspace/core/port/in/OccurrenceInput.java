package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Field;

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
}

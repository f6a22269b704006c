package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Field;

/** An agent body as sent; {@code status} is accepted on update only. */
public record AgentInput(Field<String> name, Field<String> description, Field<String> timezone,
                         Field<String> status) {

    public static final java.util.List<String> CREATE_FIELD_NAMES = java.util.List.of("name", "description", "timezone");
    public static final java.util.List<String> UPDATE_FIELD_NAMES =
            java.util.List.of("name", "description", "timezone", "status");
}

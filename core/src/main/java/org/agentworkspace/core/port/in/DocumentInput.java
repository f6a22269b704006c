package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Field;

/** A document body as sent. {@code type} is accepted on create only. */
public record DocumentInput(Field<String> title, Field<String> type, Field<String> content) {

    public static final java.util.List<String> FIELD_NAMES = java.util.List.of("title", "type", "content");
}

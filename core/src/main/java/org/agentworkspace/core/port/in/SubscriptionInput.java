package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Field;

/** A subscription body as sent: all optional; {@code detail} is {@code full} (default) or {@code busy}. */
public record SubscriptionInput(Field<String> label, Field<String> email, Field<String> detail) {

    public static final java.util.List<String> FIELD_NAMES = java.util.List.of("label", "email", "detail");
}

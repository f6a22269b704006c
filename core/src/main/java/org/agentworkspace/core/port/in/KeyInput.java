package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Field;

/** A new key's body as sent: all optional; no {@code scopes} means every scope. */
public record KeyInput(Field<String> label, Field<List<String>> scopes, Field<String> expiresAt) {

    public static final List<String> FIELD_NAMES = List.of("label", "scopes", "expiresAt");
}

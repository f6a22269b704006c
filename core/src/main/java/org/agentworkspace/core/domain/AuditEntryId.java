package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one audit entry. Unknown and malformed ids alike are "not found" to callers. */
public record AuditEntryId(UUID value) {
    public AuditEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static AuditEntryId random() {
        return new AuditEntryId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<AuditEntryId> parse(String text) {
        return Uuids.parse(text).map(AuditEntryId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

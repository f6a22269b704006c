package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one document. Unknown and malformed ids alike are "not found" to callers. */
public record DocumentId(UUID value) {
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static DocumentId random() {
        return new DocumentId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<DocumentId> parse(String text) {
        return Uuids.parse(text).map(DocumentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/** A document of one agent. {@code version} starts at 1 and moves on every change (ETag). */
public record Document(DocumentId id, AgentId agentId, String title, DocumentType type, String content,
                       long version, Instant createdAt, Instant updatedAt) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

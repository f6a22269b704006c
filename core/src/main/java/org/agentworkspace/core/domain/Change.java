package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest change of one event or document: its current state when it exists ({@code upserted}),
 * none when it was deleted. Documents carry no content (the empty string).
 */
public record Change(ChangedObject type, UUID id, boolean deleted, Instant at, ChangePosition position,
                     Optional<Event> event, Optional<Document> document) {
    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(document, "document");
    }
}

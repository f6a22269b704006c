package org.agentworkspace.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message the sender claimed: where it goes, how to sign it, and the object as the write left it
 * (none for a deletion). {@code attempt} counts this attempt too (1 for the first).
 */
public record WebhookMessage(UUID id, AgentId agentId, WebhookId endpointId, URI url, WebhookSecret secret,
                             WebhookEventType type, UUID objectId, Optional<Event> event,
                             Optional<Document> document, Instant createdAt, int attempt) {
    public WebhookMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

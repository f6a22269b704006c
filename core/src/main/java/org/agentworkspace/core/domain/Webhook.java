package org.agentworkspace.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTPS endpoint that receives an agent's changes. {@code disabledAt} is set when the endpoint
 * failed for five days; the secret is not part of the record (only creation reveals it).
 */
public record Webhook(WebhookId id, AgentId agentId, URI url, Set<WebhookEventType> events, Instant createdAt,
                      Instant disabledAt) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

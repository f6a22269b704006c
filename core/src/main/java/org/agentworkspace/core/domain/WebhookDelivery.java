package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to one endpoint and how its attempts went: {@code status} is {@code pending},
 * {@code succeeded} or {@code failed}; {@code nextAttemptAt} is null once it is no longer pending.
 * Its id is the {@code webhook-id} header.
 */
public record WebhookDelivery(UUID id, WebhookEventType type, String status, int attempts, Integer lastStatusCode,
                              Instant nextAttemptAt, Instant createdAt) {
    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

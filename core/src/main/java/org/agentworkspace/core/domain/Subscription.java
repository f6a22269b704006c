package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A read-only calendar feed of one agent, reachable by whoever holds its token. {@code label},
 * {@code email}, {@code lastFetchedAt} and {@code lastFetchedBy} (a truncated User-Agent) may be
 * {@code null}. A revoked subscription is deleted, never returned.
 */
public record Subscription(SubscriptionId id, AgentId agentId, FeedToken token, String label, String email,
                           FeedDetail detail, Instant createdAt, Instant lastFetchedAt, String lastFetchedBy) {
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

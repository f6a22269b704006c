package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One of an agent's API keys as its owner sees it: never the secret, only its first characters.
 *
 * @param label    {@code null} when none was given
 * @param prefix   the key's first 8 characters; {@code null} for keys issued before prefixes were kept
 * @param expiresAt {@code null} for a key that does not expire
 * @param lastUsedAt at most a minute behind the key's latest use; {@code null} before the first
 */
public record AgentKey(ApiKeyId id, AgentId agentId, String label, Set<Scope> scopes, String prefix,
                       Instant expiresAt, Instant createdAt, Instant lastUsedAt) {
    public AgentKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the key has expired at {@code now}: an expiry is the first instant it no longer works. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

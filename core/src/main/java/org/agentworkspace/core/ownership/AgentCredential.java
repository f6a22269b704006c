package org.agentworkspace.core.ownership;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.Scope;

/**
 * What an API-key digest lookup yields: the live key the digest unlocks, the one agent it belongs
 * to and that agent's current status.
 *
 * @param expiresAt          {@code null} for a key that does not expire
 * @param lastUsedAt         {@code null} before the key's first recorded use
 * @param previousValidUntil non-null only when the digest is the key's previous secret, during a
 *                           rotation's grace: the first instant at which that secret fails
 */
public record AgentCredential(AgentId agentId, AgentStatus status, ApiKeyId keyId, String label, Set<Scope> scopes,
                              Instant expiresAt, Instant lastUsedAt, Instant previousValidUntil) {
    public AgentCredential {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(keyId, "keyId");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    /** A current secret of a key with every scope that never expires and was never used (fixtures). */
    public AgentCredential(AgentId agentId, AgentStatus status) {
        this(agentId, status, ApiKeyId.random(), null, Scope.all(), null, null, null);
    }

    /** Whether the key no longer works at {@code now}: expired, or a previous secret past its grace. */
    public boolean lapsedAt(Instant now) {
        return expiredAt(now) || (previousValidUntil != null && !now.isBefore(previousValidUntil));
    }

    /** Whether the key itself has expired at {@code now} (its expiry is the first instant it fails). */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

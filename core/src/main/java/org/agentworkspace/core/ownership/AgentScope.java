package org.agentworkspace.core.ownership;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.Scope;

/**
 * Proof that the ownership chain ran and the caller may act on this one agent's data with the
 * given access. Repositories put {@link #agentId()} into every query, so a forged id matches no
 * row. Only {@link Ownership} mints scopes.
 */
public final class AgentScope {
    private final AgentId agentId;
    private final Access access;
    private final String actor;
    private final Set<Scope> permitted;
    private final KeyDigest presentedKey;
    private final Instant presentedAt;

    /** {@code presentedKey} and {@code presentedAt} are both {@code null} for a scope no API key proved. */
    AgentScope(AgentId agentId, Access access, String actor, Set<Scope> permitted, KeyDigest presentedKey,
               Instant presentedAt) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.access = Objects.requireNonNull(access, "access");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.permitted = Set.copyOf(Objects.requireNonNull(permitted, "permitted"));
        if ((presentedKey == null) != (presentedAt == null)) {
            throw new IllegalArgumentException("a presented key needs the instant it was presented at");
        }
        this.presentedKey = presentedKey;
        this.presentedAt = presentedAt;
    }

    public AgentId agentId() {
        return agentId;
    }

    public Access access() {
        return access;
    }

    /** Who acts, for audit entries: {@code agent:<id>}, {@code user:<id>} or {@code feed:<subscription id>}. */
    public String actor() {
        return actor;
    }

    /**
     * Whether the caller's credential also grants {@code scope}: for a route open to several scopes
     * (the change feed shows events with {@code events:read}, documents with {@code docs:read}), the
     * use case asks this to decide what to include. An owner holds every scope; a feed reader {@code events:read} only.
     */
    public boolean permits(Scope scope) {
        return scope.grantedBy(permitted);
    }

    /**
     * The digest of the API key that proved this scope, when an agent's key did (owner- and
     * feed-derived scopes have none). The key may have been found through an in-process hint, so
     * the transaction that opens for this scope must have the database check it again, at
     * {@link #presentedAt()}, before anything else runs: that is what makes a rotated, revoked or
     * deleted key, or a suspended agent, fail on the very next request on every instance.
     */
    public KeyDigest presentedKey() {
        return presentedKey;
    }

    /** When the key was presented, by the use cases' clock; {@code null} exactly when {@link #presentedKey()} is. */
    public Instant presentedAt() {
        return presentedAt;
    }

    @Override
    public String toString() {
        return "AgentScope[" + agentId + ", " + access + ", " + actor + "]";
    }
}

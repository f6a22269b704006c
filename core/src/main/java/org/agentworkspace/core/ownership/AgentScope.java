package org.agentworkspace.core.ownership;

import java.util.Objects;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
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

    AgentScope(AgentId agentId, Access access, String actor, Set<Scope> permitted) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.access = Objects.requireNonNull(access, "access");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.permitted = Set.copyOf(Objects.requireNonNull(permitted, "permitted"));
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

    @Override
    public String toString() {
        return "AgentScope[" + agentId + ", " + access + ", " + actor + "]";
    }
}

package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.AgentId;

/**
 * Proof that the ownership chain ran and the caller may act on this one agent's data with the
 * given access. Repositories put {@link #agentId()} into every query, so a forged id matches no
 * row. Only {@link Ownership} mints scopes.
 */
public final class AgentScope {
    private final AgentId agentId;
    private final Access access;
    private final String actor;

    AgentScope(AgentId agentId, Access access, String actor) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.access = Objects.requireNonNull(access, "access");
        this.actor = Objects.requireNonNull(actor, "actor");
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

    @Override
    public String toString() {
        return "AgentScope[" + agentId + ", " + access + ", " + actor + "]";
    }
}

package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;

/**
 * An agent proven by its API key. Only {@link Ownership} creates one, from a digest lookup, so
 * holding a principal means the chain's "authenticate" step ran.
 */
public final class AgentPrincipal {
    private final AgentId agentId;
    private final AgentStatus status;

    AgentPrincipal(AgentId agentId, AgentStatus status) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.status = Objects.requireNonNull(status, "status");
    }

    public AgentId agentId() {
        return agentId;
    }

    /** The status when the key was checked, i.e. at the start of this request. */
    public AgentStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return "agent:" + agentId;
    }
}

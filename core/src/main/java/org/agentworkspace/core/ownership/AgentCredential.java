package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;

/** What an API-key digest lookup yields: the one agent the key unlocks and its current status. */
public record AgentCredential(AgentId agentId, AgentStatus status) {
    public AgentCredential {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
    }
}

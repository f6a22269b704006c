package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.GetAgent;

final class GetAgentService implements GetAgent {
    private final OwnedAgents ownedAgents;

    GetAgentService(OwnedAgents ownedAgents) {
        this.ownedAgents = ownedAgents;
    }

    @Override
    public Agent get(UserPrincipal user, String agentId) {
        return ownedAgents.act(user, agentId, Access.READ, (agent, scope) -> agent);
    }
}

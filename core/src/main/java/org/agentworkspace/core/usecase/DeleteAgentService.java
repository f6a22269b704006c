package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.DeleteAgent;
import org.agentworkspace.core.port.out.AgentRepository;

final class DeleteAgentService implements DeleteAgent {
    private final OwnedAgents ownedAgents;
    private final AgentRepository agents;

    DeleteAgentService(OwnedAgents ownedAgents, AgentRepository agents) {
        this.ownedAgents = ownedAgents;
        this.agents = agents;
    }

    @Override
    public void delete(UserPrincipal user, String agentId) {
        ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            if (!agents.delete(scope)) {
                throw new NotFound("Agent");
            }
            return null;
        });
    }
}

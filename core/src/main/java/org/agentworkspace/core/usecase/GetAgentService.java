package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.GetAgent;

final class GetAgentService implements GetAgent {
    private final Chain chain;

    GetAgentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Agent get(UserPrincipal user, String agentId) {
        return chain.onOwnedAgent(user, agentId, Access.READ, (agent, scope) -> agent);
    }
}

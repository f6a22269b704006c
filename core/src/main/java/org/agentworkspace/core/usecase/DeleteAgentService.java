package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.DeleteAgent;

final class DeleteAgentService implements DeleteAgent {
    private final Chain chain;

    DeleteAgentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public void delete(UserPrincipal user, String agentId) {
        chain.onOwnedAgent(user, agentId, Access.WRITE, (agent, scope) -> {
            if (!chain.ports.agents().delete(scope)) {
                throw new NotFound("Agent");
            }
            return null;
        });
    }
}

package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListAgents;

final class ListAgentsService implements ListAgents {
    private final Chain chain;

    ListAgentsService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public List<Agent> list(UserPrincipal user) {
        OwnerScope scope = chain.ownership.scopeFor(user);
        return chain.ports.transactions().inTransaction(scope, () -> chain.ports.agents().list(scope));
    }
}

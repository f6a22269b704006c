package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListAgents;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.Transactions;

final class ListAgentsService implements ListAgents {
    private final Transactions transactions;
    private final AgentRepository agents;
    private final Ownership ownership;

    ListAgentsService(Transactions transactions, AgentRepository agents, Ownership ownership) {
        this.transactions = transactions;
        this.agents = agents;
        this.ownership = ownership;
    }

    @Override
    public List<Agent> list(UserPrincipal user) {
        OwnerScope scope = ownership.scopeFor(user);
        return transactions.inTransaction(scope, () -> agents.list(scope));
    }
}

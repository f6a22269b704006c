package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.GetAgentProfile;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.Transactions;

final class GetAgentProfileService implements GetAgentProfile {
    private final Transactions transactions;
    private final AgentRepository agents;
    private final Ownership ownership;

    GetAgentProfileService(Transactions transactions, AgentRepository agents, Ownership ownership) {
        this.transactions = transactions;
        this.agents = agents;
        this.ownership = ownership;
    }

    @Override
    public Agent me(AgentPrincipal agent) {
        AgentScope scope = ownership.scopeForAnyKey(agent);
        return transactions.inTransaction(scope,
                () -> agents.get(scope).orElseThrow(() -> new NotFound("Agent")));
    }
}

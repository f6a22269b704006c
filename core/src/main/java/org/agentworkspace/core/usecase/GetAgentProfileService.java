package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.GetAgentProfile;

final class GetAgentProfileService implements GetAgentProfile {
    private final Chain chain;

    GetAgentProfileService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Agent me(AgentPrincipal agent) {
        AgentScope scope = chain.ownership.scopeForAnyKey(agent);
        return chain.ports.transactions().inTransaction(scope,
                () -> chain.ports.agents().get(scope).orElseThrow(() -> new NotFound("Agent")));
    }
}

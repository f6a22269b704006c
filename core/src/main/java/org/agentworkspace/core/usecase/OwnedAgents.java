package org.agentworkspace.core.usecase;

import java.util.function.BiFunction;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.Transactions;

/** The owner's path to one of their agents, shared by the dashboard's use cases. */
final class OwnedAgents {
    private final Transactions transactions;
    private final AgentRepository agents;
    private final Ownership ownership;

    OwnedAgents(Transactions transactions, AgentRepository agents, Ownership ownership) {
        this.transactions = transactions;
        this.agents = agents;
        this.ownership = ownership;
    }

    /**
     * Runs {@code work} on one agent of {@code user}, in one transaction: the agent is loaded
     * through the user's owner scope, then its agent scope is minted and the transaction is
     * narrowed to it, so the work sees that agent's rows and none of the owner's other agents'.
     *
     * @throws NotFound for a malformed id, an absent agent and someone else's agent alike
     */
    <T> T act(UserPrincipal user, String agentId, Access access, BiFunction<Agent, AgentScope, T> work) {
        AgentId id = AgentId.parse(agentId).orElseThrow(() -> new NotFound("Agent"));
        OwnerScope owner = ownership.scopeFor(user);
        return transactions.inTransaction(owner, () -> {
            Agent agent = agents.find(owner, id).orElseThrow(() -> new NotFound("Agent"));
            AgentScope scope = ownership.scopeFor(user, agent, access);
            transactions.narrowTo(scope);
            return work.apply(agent, scope);
        });
    }
}

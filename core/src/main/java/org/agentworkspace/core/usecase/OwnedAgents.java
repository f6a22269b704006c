package org.agentworkspace.core.usecase;

import java.util.function.Function;
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

/**
 * The owner's path to one agent, for the services of the change log and webhooks: the agent is
 * loaded through the user's owner scope, then its agent scope is minted and the work joins the
 * same transaction under it.
 */
final class OwnedAgents {
    private final Ownership ownership;
    private final Transactions transactions;
    private final AgentRepository agents;

    OwnedAgents(Ownership ownership, Transactions transactions, AgentRepository agents) {
        this.ownership = ownership;
        this.transactions = transactions;
        this.agents = agents;
    }

    /** @throws NotFound for a malformed id, an absent agent and someone else's agent alike */
    <T> T on(UserPrincipal user, String agentId, Access access, Function<AgentScope, T> work) {
        AgentId id = AgentId.parse(agentId).orElseThrow(() -> new NotFound("Agent"));
        OwnerScope owner = ownership.scopeFor(user);
        return transactions.inTransaction(owner, () -> {
            Agent agent = agents.find(owner, id).orElseThrow(() -> new NotFound("Agent"));
            AgentScope scope = ownership.scopeFor(user, agent, access);
            return transactions.inTransaction(scope, () -> work.apply(scope));
        });
    }
}

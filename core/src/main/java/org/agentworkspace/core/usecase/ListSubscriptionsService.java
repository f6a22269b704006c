package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.util.List;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListSubscriptions;
import org.agentworkspace.core.port.out.SubscriptionRepository;
import org.agentworkspace.core.port.out.Transactions;

final class ListSubscriptionsService implements ListSubscriptions {
    private final Transactions transactions;
    private final SubscriptionRepository subscriptions;
    private final Ownership ownership;
    private final OwnedAgents ownedAgents;

    ListSubscriptionsService(Transactions transactions, SubscriptionRepository subscriptions, Ownership ownership,
            OwnedAgents ownedAgents) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.ownership = ownership;
        this.ownedAgents = ownedAgents;
    }

    @Override
    public List<Subscription> list(AgentPrincipal agent) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_READ);
        return transactions.inTransaction(scope, () -> subscriptions.list(scope));
    }

    @Override
    public List<Subscription> listForOwner(UserPrincipal user, String agentId) {
        return ownedAgents.act(user, agentId, Access.READ,
                (agent, scope) -> subscriptions.list(scope));
    }
}

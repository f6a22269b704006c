package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListSubscriptions;

final class ListSubscriptionsService implements ListSubscriptions {
    private final Chain chain;

    ListSubscriptionsService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public List<Subscription> list(AgentPrincipal agent) {
        AgentScope scope = chain.scopeOf(agent, Scope.EVENTS_READ);
        return chain.ports.transactions().inTransaction(scope, () -> chain.ports.subscriptions().list(scope));
    }

    @Override
    public List<Subscription> listForOwner(UserPrincipal user, String agentId) {
        return chain.onOwnedAgent(user, agentId, Access.READ,
                (agent, scope) -> chain.ports.subscriptions().list(scope));
    }
}

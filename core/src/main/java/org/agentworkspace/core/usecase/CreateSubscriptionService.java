package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionData;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.domain.SubscriptionRules;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.CreateSubscription;
import org.agentworkspace.core.port.in.SubscriptionInput;

final class CreateSubscriptionService implements CreateSubscription {
    private final Chain chain;

    CreateSubscriptionService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Subscription create(UserPrincipal user, String agentId, SubscriptionInput input) {
        return chain.onOwnedAgent(user, agentId, Access.WRITE, (agent, scope) -> {
            SubscriptionData data = SubscriptionRules.forCreate(input.label(), input.email(), input.detail());
            Subscription subscription = new Subscription(SubscriptionId.random(), agent.id(),
                    FeedToken.generate(chain.settings.random()), data.label(), data.email(), data.detail(),
                    chain.now(), null, null);
            chain.ports.subscriptions().insert(scope, subscription);
            chain.audit(scope, AuditAction.SUBSCRIPTION_CREATED,
                    "Feed subscription " + subscription.id() + " created (" + data.detail().wireName() + ")");
            return subscription;
        });
    }
}

package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
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
import org.agentworkspace.core.port.out.SubscriptionRepository;

final class CreateSubscriptionService implements CreateSubscription {
    private final OwnedAgents ownedAgents;
    private final SubscriptionRepository subscriptions;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final StorageClock clock;

    CreateSubscriptionService(OwnedAgents ownedAgents, SubscriptionRepository subscriptions, AuditTrail auditTrail,
            SecureRandom random, StorageClock clock) {
        this.ownedAgents = ownedAgents;
        this.subscriptions = subscriptions;
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Subscription create(UserPrincipal user, String agentId, SubscriptionInput input) {
        return ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            SubscriptionData data = SubscriptionRules.forCreate(input.label(), input.email(), input.detail());
            Subscription subscription = new Subscription(SubscriptionId.random(), agent.id(),
                    FeedToken.generate(random), data.label(), data.email(), data.detail(),
                    clock.now(), null, null);
            subscriptions.insert(scope, subscription);
            auditTrail.append(scope, AuditAction.SUBSCRIPTION_CREATED,
                    "Feed subscription " + subscription.id() + " created (" + data.detail().wireName() + ")");
            return subscription;
        });
    }
}

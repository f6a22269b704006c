package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RevokeSubscription;
import org.agentworkspace.core.port.out.SubscriptionRepository;

final class RevokeSubscriptionService implements RevokeSubscription {
    private final OwnedAgents ownedAgents;
    private final SubscriptionRepository subscriptions;
    private final AuditTrail auditTrail;

    RevokeSubscriptionService(OwnedAgents ownedAgents, SubscriptionRepository subscriptions, AuditTrail auditTrail) {
        this.ownedAgents = ownedAgents;
        this.subscriptions = subscriptions;
        this.auditTrail = auditTrail;
    }

    @Override
    public void revoke(UserPrincipal user, String agentId, String subscriptionId) {
        ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            SubscriptionId id = SubscriptionId.parse(subscriptionId).orElseThrow(() -> new NotFound("Subscription"));
            if (!subscriptions.delete(scope, id)) {
                throw new NotFound("Subscription");
            }
            auditTrail.append(scope, AuditAction.SUBSCRIPTION_REVOKED, "Feed subscription " + id + " revoked");
            return null;
        });
    }
}

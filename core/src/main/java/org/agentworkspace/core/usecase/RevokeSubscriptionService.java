package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RevokeSubscription;

final class RevokeSubscriptionService implements RevokeSubscription {
    private final Chain chain;

    RevokeSubscriptionService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public void revoke(UserPrincipal user, String agentId, String subscriptionId) {
        chain.onOwnedAgent(user, agentId, Access.WRITE, (agent, scope) -> {
            SubscriptionId id = SubscriptionId.parse(subscriptionId).orElseThrow(() -> new NotFound("Subscription"));
            if (!chain.ports.subscriptions().delete(scope, id)) {
                throw new NotFound("Subscription");
            }
            chain.audit(scope, AuditAction.SUBSCRIPTION_REVOKED, "Feed subscription " + id + " revoked");
            return null;
        });
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RotateFeedToken;

final class RotateFeedTokenService implements RotateFeedToken {
    private final Chain chain;

    RotateFeedTokenService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Subscription rotate(UserPrincipal user, String agentId, String subscriptionId) {
        return chain.onOwnedAgent(user, agentId, Access.WRITE, (agent, scope) -> {
            SubscriptionId id = SubscriptionId.parse(subscriptionId).orElseThrow(() -> new NotFound("Subscription"));
            Subscription rotated = chain.ports.subscriptions()
                    .replaceToken(scope, id, FeedToken.generate(chain.settings.random()))
                    .orElseThrow(() -> new NotFound("Subscription"));
            chain.audit(scope, AuditAction.SUBSCRIPTION_ROTATED,
                    "Feed subscription " + id + " rotated; the previous URL no longer works");
            return rotated;
        });
    }
}

package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RotateFeedToken;
import org.agentworkspace.core.port.out.SubscriptionRepository;

final class RotateFeedTokenService implements RotateFeedToken {
    private final OwnedAgents ownedAgents;
    private final SubscriptionRepository subscriptions;
    private final AuditTrail auditTrail;
    private final SecureRandom random;

    RotateFeedTokenService(OwnedAgents ownedAgents, SubscriptionRepository subscriptions, AuditTrail auditTrail,
            SecureRandom random) {
        this.ownedAgents = ownedAgents;
        this.subscriptions = subscriptions;
        this.auditTrail = auditTrail;
        this.random = random;
    }

    @Override
    public Subscription rotate(UserPrincipal user, String agentId, String subscriptionId) {
        return ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            SubscriptionId id = SubscriptionId.parse(subscriptionId).orElseThrow(() -> new NotFound("Subscription"));
            Subscription rotated = subscriptions
                    .replaceToken(scope, id, FeedToken.generate(random))
                    .orElseThrow(() -> new NotFound("Subscription"));
            auditTrail.append(scope, AuditAction.SUBSCRIPTION_ROTATED,
                    "Feed subscription " + id + " rotated; the previous URL no longer works");
            return rotated;
        });
    }
}

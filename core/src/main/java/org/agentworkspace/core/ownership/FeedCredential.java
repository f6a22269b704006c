package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.SubscriptionId;

/** What a feed-token lookup yields: the live subscription the token belongs to. */
public record FeedCredential(SubscriptionId subscriptionId, AgentId agentId, FeedToken token, FeedDetail detail) {
    public FeedCredential {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(detail, "detail");
    }
}

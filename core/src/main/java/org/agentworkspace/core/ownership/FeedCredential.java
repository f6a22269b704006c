package org.agentworkspace.core.ownership;

import java.time.Instant;
import java.util.Objects;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.SubscriptionId;

/**
 * What a feed-token lookup yields: the live subscription the token belongs to, and when and by
 * whom it was last fetched ({@code null} before the first fetch), so a busy feed need not even
 * try to record a fetch it would not record.
 */
public record FeedCredential(SubscriptionId subscriptionId, AgentId agentId, FeedToken token, FeedDetail detail,
                             Instant lastFetchedAt, String lastFetchedBy) {
    public FeedCredential {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(detail, "detail");
    }

    /** A subscription never fetched yet. */
    public FeedCredential(SubscriptionId subscriptionId, AgentId agentId, FeedToken token, FeedDetail detail) {
        this(subscriptionId, agentId, token, detail, null, null);
    }

    /** Whether a fetch by {@code userAgent} now is news: none since {@code notBefore}, or another client. */
    public boolean fetchRecordDue(Instant notBefore, String userAgent) {
        return lastFetchedAt == null || lastFetchedAt.isBefore(notBefore) || !Objects.equals(lastFetchedBy, userAgent);
    }
}

package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentScope;

/** Live feed subscriptions of the scope's agent. A revoked subscription is deleted. */
public interface SubscriptionRepository {

    void insert(AgentScope scope, Subscription subscription);

    /** Oldest first. */
    List<Subscription> list(AgentScope scope);

    Optional<Subscription> find(AgentScope scope, SubscriptionId id);

    /** Replaces the token; the old one stops matching in the same commit. Empty if absent. */
    Optional<Subscription> replaceToken(AgentScope scope, SubscriptionId id, FeedToken token);

    boolean delete(AgentScope scope, SubscriptionId id);

    /**
     * Records a fetch, writing only when the stored values are older than {@code notBefore} or the
     * client differs, so a busy feed costs no write per request.
     */
    void recordFetch(AgentScope scope, SubscriptionId id, Instant at, String userAgent, Instant notBefore);
}

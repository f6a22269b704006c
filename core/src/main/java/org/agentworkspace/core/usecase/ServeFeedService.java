package org.agentworkspace.core.usecase;

import java.time.Duration;
import java.time.Instant;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.FeedResponse;
import org.agentworkspace.core.port.in.ServeFeed;
import org.agentworkspace.core.port.out.CalendarFingerprint;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.agentworkspace.core.port.out.SubscriptionRepository;

/**
 * Token → subscription → agent scope, then the validators of the feed and a record of the fetch.
 * The body is rendered only when {@link FeedResponse#writeTo} is called, so a request answered 304
 * costs a lookup and two cheap reads.
 */
final class ServeFeedService implements ServeFeed {
    /** Longest User-Agent kept on a subscription; the rest is cut, it is only shown to the owner. */
    static final int USER_AGENT_MAX = 200;
    /** A busy feed writes its "last fetched" at most once a minute per client. */
    static final Duration FETCH_RECORD_INTERVAL = Duration.ofMinutes(1);

    private final FeedReads reads;
    private final CredentialLookup credentials;
    private final SubscriptionRepository subscriptions;
    private final Ownership ownership;
    private final StorageClock clock;

    ServeFeedService(FeedReads reads, CredentialLookup credentials, SubscriptionRepository subscriptions,
            Ownership ownership, StorageClock clock) {
        this.reads = reads;
        this.credentials = credentials;
        this.subscriptions = subscriptions;
        this.ownership = ownership;
        this.clock = clock;
    }

    @Override
    public FeedResponse open(String agentId, String token, String userAgent) {
        AgentId id = AgentId.parse(agentId).orElseThrow(() -> new NotFound("Feed"));
        FeedToken presented = FeedToken.parse(token).orElseThrow(() -> new NotFound("Feed"));
        FeedCredential credential = reads.transactions()
                .inSingleStatement(() -> credentials.feedByToken(presented))
                .orElseThrow(() -> new NotFound("Feed"));
        // The token's own agent, read with it: a live token of another agent, even a sibling of
        // the same owner, opens nothing under this URL.
        if (!credential.agentId().equals(id)) {
            throw new NotFound("Feed");
        }
        AgentScope scope = ownership.scopeForFeed(credential, presented);
        return reads.transactions().inTransaction(scope, () -> {
            Agent agent = reads.agents().get(scope).orElseThrow(() -> new NotFound("Feed"));
            CalendarFingerprint fingerprint = reads.events().fingerprint(scope);
            Instant now = clock.now();
            String client = truncate(userAgent);
            Instant notBefore = now.minus(FETCH_RECORD_INTERVAL);
            // The lookup already told when and by whom: most fetches of a busy feed skip the write
            // (the repository checks again, for fetches racing each other).
            if (credential.fetchRecordDue(notBefore, client)) {
                subscriptions.recordFetch(scope, credential.subscriptionId(), now, client, notBefore);
            }
            return new LazyFeed(reads, scope, credential.detail(), agent, fingerprint);
        });
    }

    /**
     * What is kept of a client's User-Agent for its owner to read: control characters dropped
     * (PostgreSQL text cannot hold NUL, and they have no business in a label), at most 200 chars.
     */
    static String truncate(String rawUserAgent) {
        if (rawUserAgent == null) {
            return null;
        }
        String userAgent = rawUserAgent.replaceAll("\\p{Cntrl}", "").strip();
        if (userAgent.isEmpty()) {
            return null;
        }
        if (userAgent.length() <= USER_AGENT_MAX) {
            return userAgent;
        }
        int end = USER_AGENT_MAX;
        if (Character.isHighSurrogate(userAgent.charAt(end - 1))) {
            end--;
        }
        return userAgent.substring(0, end);
    }
}

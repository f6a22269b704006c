package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;

/**
 * The only lookups that run before a scope exists, because they are how a scope comes to exist.
 * Each returns no more than the chain needs and finds by an indexed equality, never a scan.
 */
public interface CredentialLookup {

    /**
     * The live (not revoked) key with this digest as its current secret, or as its previous one
     * while a rotation grace is recorded, with its agent; empty for any other digest. Expiry and
     * the grace deadline are returned, not applied: the caller decides with its clock.
     */
    Optional<AgentCredential> agentByKeyDigest(KeyDigest digest);

    /**
     * What {@link #agentByKeyDigest} answered for this digest not long ago, if the adapter kept it
     * in memory; asked outside any transaction, without a round trip. Only a hint: it may be stale
     * (the key rotated, revoked or deleted, the agent suspended since), which is why the scopes
     * minted from a key carry its digest and the database checks it again in the transaction they
     * open. An adapter keeps no hint that could refuse a request the database would allow (an agent
     * that is not active, for instance). Empty by default: no hints.
     */
    default Optional<AgentCredential> recentAgentByKeyDigest(KeyDigest digest) {
        return Optional.empty();
    }

    /**
     * Records that the key was used at {@code at}, unless a use at or after {@code staleBefore} is
     * already recorded; true when it wrote. One conditional statement, so concurrent requests on
     * any number of instances write at most once per period.
     */
    boolean recordKeyUse(ApiKeyId keyId, Instant at, Instant staleBefore);

    /**
     * The live subscription with this token, and the agent it belongs to as stored with it; empty
     * for revoked, rotated and unknown tokens. Whether that agent is the one a feed URL names is
     * the use case's to decide.
     */
    Optional<FeedCredential> feedByToken(FeedToken token);
}

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

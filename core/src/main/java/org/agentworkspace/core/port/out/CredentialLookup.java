package org.agentworkspace.core.port.out;

import java.util.Optional;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;

/**
 * The only lookups that run before a scope exists, because they are how a scope comes to exist.
 * Each returns no more than the chain needs and finds by an indexed equality, never a scan.
 */
public interface CredentialLookup {

    /** The agent whose current key has this digest; empty for any other digest. */
    Optional<AgentCredential> agentByKeyDigest(KeyDigest digest);

    /**
     * The live subscription with this token, and the agent it belongs to as stored with it; empty
     * for revoked, rotated and unknown tokens. Whether that agent is the one a feed URL names is
     * the use case's to decide.
     */
    Optional<FeedCredential> feedByToken(FeedToken token);
}

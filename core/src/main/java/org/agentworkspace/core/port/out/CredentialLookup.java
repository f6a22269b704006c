package org.agentworkspace.core.port.out;

import java.util.Optional;
import org.agentworkspace.core.domain.AgentId;
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

    /** The live subscription of {@code agentId} with this token; empty for revoked, rotated or foreign tokens. */
    Optional<FeedCredential> feedByToken(AgentId agentId, FeedToken token);
}

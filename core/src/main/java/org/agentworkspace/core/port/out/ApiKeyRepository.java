package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentScope;

/**
 * The scope agent's API keys, stored only as digests. "Live" means not revoked; an expired key is
 * still listed (its owner sees it expired) but no longer authenticates.
 */
public interface ApiKeyRepository {

    /**
     * Revokes every live key of the agent at {@code at} and stores {@code key} with {@code digest}
     * as its only live one, in the same commit: no earlier key works after it.
     */
    void replaceAll(AgentScope scope, AgentKey key, KeyDigest digest, Instant at);

    /** Stores one more key. */
    void insert(AgentScope scope, AgentKey key, KeyDigest digest);

    /** The agent's live keys, oldest first. */
    List<AgentKey> list(AgentScope scope);

    /** The live key with this id; empty for revoked, absent and other agents' keys alike. */
    Optional<AgentKey> find(AgentScope scope, ApiKeyId id);

    /** Revokes the live key with this id at {@code at}; false when there is none. Both its secrets fail at once. */
    boolean revoke(AgentScope scope, ApiKeyId id, Instant at);

    /**
     * Gives the live key a new secret ({@code digest}, {@code prefix}). With {@code previousValidUntil}
     * the secret in use until now keeps working until that instant (a previous grace, if any, ends
     * now); with {@code null} it fails at once. Empty when there is no such live key.
     */
    Optional<AgentKey> rotate(AgentScope scope, ApiKeyId id, KeyDigest digest, String prefix,
                              Instant previousValidUntil);
}

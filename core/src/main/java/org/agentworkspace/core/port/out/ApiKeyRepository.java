package org.agentworkspace.core.port.out;

import java.time.Instant;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentScope;

/** The scope agent's API key, stored only as a digest. */
public interface ApiKeyRepository {

    /** Makes {@code digest} the agent's only key: any previous key stops working in the same commit. */
    void replace(AgentScope scope, KeyDigest digest, Instant issuedAt);
}

package org.agentworkspace.core.fakes;

import java.time.Instant;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.ApiKeyRepository;

public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final InMemoryDatabase db;

    public InMemoryApiKeyRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void replace(AgentScope scope, KeyDigest digest, Instant issuedAt) {
        if (!db.agents.containsKey(scope.agentId())) {
            throw new IllegalStateException("foreign key: no agent " + scope.agentId());
        }
        db.apiKeys.put(scope.agentId(), digest);
    }
}

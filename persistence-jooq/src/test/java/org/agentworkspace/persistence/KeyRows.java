package org.agentworkspace.persistence;

import java.time.Instant;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentScope;

/** Rows for api_keys in tests: a key of the scope's agent with every scope. */
final class KeyRows {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private KeyRows() {
    }

    static AgentKey key(AgentScope scope) {
        return new AgentKey(ApiKeyId.random(), scope.agentId(), "test", Scope.all(), "ak_test0", null, T0, null);
    }
}

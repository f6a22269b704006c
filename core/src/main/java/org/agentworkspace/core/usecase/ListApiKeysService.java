package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListApiKeys;
import org.agentworkspace.core.port.out.ApiKeyRepository;

final class ListApiKeysService implements ListApiKeys {
    private final OwnedAgents ownedAgents;
    private final ApiKeyRepository apiKeys;

    ListApiKeysService(OwnedAgents ownedAgents, ApiKeyRepository apiKeys) {
        this.ownedAgents = ownedAgents;
        this.apiKeys = apiKeys;
    }

    @Override
    public List<AgentKey> list(UserPrincipal user, String agentId) {
        return ownedAgents.act(user, agentId, Access.READ, (agent, scope) -> apiKeys.list(scope));
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RegenerateApiKey;

final class RegenerateApiKeyService implements RegenerateApiKey {
    private final Chain chain;

    RegenerateApiKeyService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public ApiKey regenerate(UserPrincipal user, String agentId) {
        return chain.onOwnedAgent(user, agentId, Access.WRITE, (agent, scope) -> {
            ApiKey key = ApiKey.generate(chain.settings.random());
            chain.ports.apiKeys().replace(scope, key.digest(), chain.now());
            chain.audit(scope, AuditAction.KEY_REGENERATED, "API key regenerated; the previous key no longer works");
            return key;
        });
    }
}

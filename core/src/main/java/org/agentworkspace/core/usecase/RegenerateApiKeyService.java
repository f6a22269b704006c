package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RegenerateApiKey;
import org.agentworkspace.core.port.out.ApiKeyRepository;

final class RegenerateApiKeyService implements RegenerateApiKey {
    private final OwnedAgents ownedAgents;
    private final ApiKeyRepository apiKeys;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final StorageClock clock;

    RegenerateApiKeyService(OwnedAgents ownedAgents, ApiKeyRepository apiKeys, AuditTrail auditTrail,
            SecureRandom random, StorageClock clock) {
        this.ownedAgents = ownedAgents;
        this.apiKeys = apiKeys;
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public ApiKey regenerate(UserPrincipal user, String agentId) {
        return ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            ApiKey key = ApiKey.generate(random);
            apiKeys.replace(scope, key.digest(), clock.now());
            auditTrail.append(scope, AuditAction.KEY_REGENERATED, "API key regenerated; the previous key no longer works");
            return key;
        });
    }
}

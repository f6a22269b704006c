package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import java.time.Instant;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.IssuedKey;
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
            Instant now = clock.now();
            IssuedKey issued = AgentKeys.drawDefault(random, agent.id(), now);
            apiKeys.replaceAll(scope, issued.key(), issued.secret().digest(), now);
            auditTrail.append(scope, AuditAction.KEY_REGENERATED,
                    "API key regenerated: every earlier key of the agent was revoked; new key " + issued.key().id());
            return issued.secret();
        });
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RevokeApiKey;
import org.agentworkspace.core.port.out.ApiKeyRepository;

final class RevokeApiKeyService implements RevokeApiKey {
    private final OwnedAgents ownedAgents;
    private final ApiKeyRepository apiKeys;
    private final AuditTrail auditTrail;
    private final StorageClock clock;

    RevokeApiKeyService(OwnedAgents ownedAgents, ApiKeyRepository apiKeys, AuditTrail auditTrail, StorageClock clock) {
        this.ownedAgents = ownedAgents;
        this.apiKeys = apiKeys;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    public void revoke(UserPrincipal user, String agentId, String keyId) {
        ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            ApiKeyId id = ApiKeyId.parse(keyId).orElseThrow(() -> new NotFound("Key"));
            if (!apiKeys.revoke(scope, id, clock.now())) {
                throw new NotFound("Key");
            }
            auditTrail.append(scope, AuditAction.KEY_REVOKED, "API key " + id + " revoked");
            return null;
        });
    }
}

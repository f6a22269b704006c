package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import java.time.Instant;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.KeyRules;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.CreateApiKey;
import org.agentworkspace.core.port.in.KeyInput;
import org.agentworkspace.core.port.out.ApiKeyRepository;

final class CreateApiKeyService implements CreateApiKey {
    private final OwnedAgents ownedAgents;
    private final ApiKeyRepository apiKeys;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final StorageClock clock;

    CreateApiKeyService(OwnedAgents ownedAgents, ApiKeyRepository apiKeys, AuditTrail auditTrail,
                        SecureRandom random, StorageClock clock) {
        this.ownedAgents = ownedAgents;
        this.apiKeys = apiKeys;
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public IssuedKey create(UserPrincipal user, String agentId, KeyInput input) {
        return ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            Instant now = clock.now();
            KeyRules.KeyData data = KeyRules.forCreate(input.label(), input.scopes(), input.expiresAt(), now);
            IssuedKey issued = AgentKeys.draw(random, agent.id(), data.label(), data.scopes(), data.expiresAt(), now);
            apiKeys.insert(scope, issued.key(), issued.secret().digest());
            auditTrail.append(scope, AuditAction.KEY_CREATED, "API key " + issued.key().id() + " created with scopes "
                    + KeyDescriptions.scopes(issued.key().scopes())
                    + (data.expiresAt() == null ? "" : ", expiring " + data.expiresAt()));
            return issued;
        });
    }
}

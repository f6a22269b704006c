package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.KeyRules;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.RotateApiKey;
import org.agentworkspace.core.port.out.ApiKeyRepository;

/**
 * A new secret for a key. The grace deadline is stored as an instant of the use cases' clock and
 * compared with that clock on every instance's next lookup, so no instance's cache or timer decides.
 */
final class RotateApiKeyService implements RotateApiKey {
    private final OwnedAgents ownedAgents;
    private final ApiKeyRepository apiKeys;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final StorageClock clock;

    RotateApiKeyService(OwnedAgents ownedAgents, ApiKeyRepository apiKeys, AuditTrail auditTrail,
                        SecureRandom random, StorageClock clock) {
        this.ownedAgents = ownedAgents;
        this.apiKeys = apiKeys;
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public IssuedKey rotate(UserPrincipal user, String agentId, String keyId, Field<Long> graceSeconds) {
        Duration grace = KeyRules.grace(graceSeconds);
        return ownedAgents.act(user, agentId, Access.WRITE, (agent, scope) -> {
            ApiKeyId id = ApiKeyId.parse(keyId).orElseThrow(() -> new NotFound("Key"));
            Instant now = clock.now();
            ApiKey secret = ApiKey.generate(random);
            AgentKey key = apiKeys.rotate(scope, id, secret.digest(), AgentKeys.prefixOf(secret),
                    grace.isZero() ? null : now.plus(grace)).orElseThrow(() -> new NotFound("Key"));
            auditTrail.append(scope, AuditAction.KEY_ROTATED, "API key " + id + " rotated; the previous secret "
                    + (grace.isZero() ? "fails from now" : "works until " + now.plus(grace)));
            return new IssuedKey(key, secret);
        });
    }
}

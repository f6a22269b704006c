package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.ApiKeyRepository;

public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final InMemoryDatabase db;

    public InMemoryApiKeyRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void replaceAll(AgentScope scope, AgentKey key, KeyDigest digest, Instant at) {
        db.apiKeys.values().stream().filter(k -> k.live(scope.agentId())).forEach(k -> k.revoke(at));
        insert(scope, key, digest);
    }

    @Override
    public void insert(AgentScope scope, AgentKey key, KeyDigest digest) {
        if (!db.agents.containsKey(scope.agentId())) {
            throw new IllegalStateException("foreign key: no agent " + scope.agentId());
        }
        db.apiKeys.put(key.id(), new InMemoryDatabase.StoredKey(key, digest));
    }

    @Override
    public List<AgentKey> list(AgentScope scope) {
        return db.apiKeys.values().stream().filter(k -> k.live(scope.agentId())).map(k -> k.key)
                .sorted(Comparator.comparing(AgentKey::createdAt).thenComparing(k -> k.id().value()))
                .toList();
    }

    @Override
    public Optional<AgentKey> find(AgentScope scope, ApiKeyId id) {
        return live(scope, id).map(k -> k.key);
    }

    @Override
    public boolean revoke(AgentScope scope, ApiKeyId id, Instant at) {
        Optional<InMemoryDatabase.StoredKey> key = live(scope, id);
        key.ifPresent(k -> k.revoke(at));
        return key.isPresent();
    }

    @Override
    public Optional<AgentKey> rotate(AgentScope scope, ApiKeyId id, KeyDigest digest, String prefix,
                                     Instant previousValidUntil) {
        return live(scope, id).map(k -> {
            k.previous = previousValidUntil == null ? null : k.digest;
            k.previousValidUntil = previousValidUntil;
            k.digest = digest;
            AgentKey old = k.key;
            k.key = new AgentKey(old.id(), old.agentId(), old.label(), old.scopes(), prefix, old.expiresAt(),
                    old.createdAt(), old.lastUsedAt());
            return k.key;
        });
    }

    private Optional<InMemoryDatabase.StoredKey> live(AgentScope scope, ApiKeyId id) {
        return Optional.ofNullable(db.apiKeys.get(id)).filter(k -> k.live(scope.agentId()));
    }
}

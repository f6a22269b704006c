package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.port.out.CredentialLookup;

/** Looks credentials up in the shared maps and counts every call, to prove when none happened. */
public final class InMemoryCredentialLookup implements CredentialLookup {
    private final InMemoryDatabase db;
    private int calls;
    private int writes;

    public InMemoryCredentialLookup(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<AgentCredential> agentByKeyDigest(KeyDigest digest) {
        calls++;
        for (InMemoryDatabase.StoredKey k : db.apiKeys.values()) {
            if (k.revokedAt != null) {
                continue;
            }
            boolean current = k.digest.equals(digest);
            if (current || digest.equals(k.previous)) {
                Agent a = db.agents.get(k.key.agentId());
                return Optional.of(new AgentCredential(a.id(), a.status(), k.key.id(), k.key.label(), k.key.scopes(),
                        k.key.expiresAt(), k.key.lastUsedAt(), current ? null : k.previousValidUntil));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean recordKeyUse(ApiKeyId keyId, Instant at, Instant staleBefore) {
        calls++;
        InMemoryDatabase.StoredKey k = db.apiKeys.get(keyId);
        if (k == null || (k.key.lastUsedAt() != null && !k.key.lastUsedAt().isBefore(staleBefore))) {
            return false;
        }
        AgentKey old = k.key;
        k.key = new AgentKey(old.id(), old.agentId(), old.label(), old.scopes(), old.prefix(), old.expiresAt(),
                old.createdAt(), at);
        writes++;
        return true;
    }

    /** How many times a key's last use was written. */
    public int keyUseWrites() {
        return writes;
    }

    @Override
    public Optional<FeedCredential> feedByToken(FeedToken token) {
        calls++;
        return db.subscriptions.values().stream()
                .filter(s -> s.token().equals(token))
                .map(s -> new FeedCredential(s.id(), s.agentId(), s.token(), s.detail(), s.lastFetchedAt(), s.lastFetchedBy()))
                .findFirst();
    }

    public int calls() {
        return calls;
    }
}

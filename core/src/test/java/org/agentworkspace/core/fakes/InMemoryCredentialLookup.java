package org.agentworkspace.core.fakes;

import java.util.Map;
import java.util.Optional;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.port.out.CredentialLookup;

/** Looks credentials up in the shared maps and counts every call, to prove when none happened. */
public final class InMemoryCredentialLookup implements CredentialLookup {
    private final InMemoryDatabase db;
    private int calls;

    public InMemoryCredentialLookup(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<AgentCredential> agentByKeyDigest(KeyDigest digest) {
        calls++;
        return db.apiKeys.entrySet().stream()
                .filter(e -> e.getValue().equals(digest))
                .map(Map.Entry::getKey)
                .map(db.agents::get)
                .map(a -> new AgentCredential(a.id(), a.status()))
                .findFirst();
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

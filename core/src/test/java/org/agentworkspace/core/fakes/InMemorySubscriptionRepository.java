package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.SubscriptionRepository;

public final class InMemorySubscriptionRepository implements SubscriptionRepository {
    private final InMemoryDatabase db;
    private int fetchWrites;
    private int fetchRecordCalls;

    public InMemorySubscriptionRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(AgentScope scope, Subscription subscription) {
        if (!subscription.agentId().equals(scope.agentId()) || !db.agents.containsKey(scope.agentId())) {
            throw new IllegalStateException("a subscription is inserted only into the scope's existing agent");
        }
        db.subscriptions.put(subscription.id(), subscription);
    }

    @Override
    public List<Subscription> list(AgentScope scope) {
        return db.subscriptions.values().stream().filter(s -> s.agentId().equals(scope.agentId())).toList();
    }

    @Override
    public Optional<Subscription> find(AgentScope scope, SubscriptionId id) {
        return Optional.ofNullable(db.subscriptions.get(id)).filter(s -> s.agentId().equals(scope.agentId()));
    }

    @Override
    public Optional<Subscription> replaceToken(AgentScope scope, SubscriptionId id, FeedToken token) {
        return find(scope, id).map(s -> {
            Subscription rotated = new Subscription(s.id(), s.agentId(), token, s.label(), s.email(), s.detail(),
                    s.createdAt(), s.lastFetchedAt(), s.lastFetchedBy());
            db.subscriptions.put(id, rotated);
            return rotated;
        });
    }

    @Override
    public boolean delete(AgentScope scope, SubscriptionId id) {
        return find(scope, id).map(s -> db.subscriptions.remove(id) != null).orElse(false);
    }

    @Override
    public void recordFetch(AgentScope scope, SubscriptionId id, Instant at, String userAgent, Instant notBefore) {
        fetchRecordCalls++;
        find(scope, id).ifPresent(s -> {
            boolean stale = s.lastFetchedAt() == null || s.lastFetchedAt().isBefore(notBefore);
            if (stale || !Objects.equals(s.lastFetchedBy(), userAgent)) {
                fetchWrites++;
                db.subscriptions.put(id, new Subscription(s.id(), s.agentId(), s.token(), s.label(), s.email(),
                        s.detail(), s.createdAt(), at, userAgent));
            }
        });
    }

    /** Calls of {@link #recordFetch}, whether or not they wrote: each is a database round trip. */
    public int fetchRecordCalls() {
        return fetchRecordCalls;
    }

    public int fetchWrites() {
        return fetchWrites;
    }
}

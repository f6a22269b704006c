package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.IdempotencyRecord;
import org.agentworkspace.core.port.out.IdempotencyRepository;

/** Locks are held until {@link #releaseLocks()}, standing in for "until the transaction ends". */
public final class InMemoryIdempotencyRepository implements IdempotencyRepository {
    private final InMemoryDatabase db;
    private final Set<String> heldByOthers = new HashSet<>();

    public InMemoryIdempotencyRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public boolean tryLock(AgentScope scope, String key) {
        return !heldByOthers.contains(scope.agentId() + "/" + key);
    }

    @Override
    public Optional<IdempotencyRecord> find(AgentScope scope, String key, Instant now) {
        return Optional.ofNullable(db.idempotency.getOrDefault(scope.agentId(), new HashMap<>()).get(key))
                .filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public void save(AgentScope scope, IdempotencyRecord record) {
        db.idempotency.computeIfAbsent(scope.agentId(), a -> new HashMap<>()).put(record.key(), record);
    }

    /** Test hook: another transaction holds this key's lock. */
    public void lockedElsewhere(AgentId agent, String key) {
        heldByOthers.add(agent + "/" + key);
    }

    public void releaseLocks() {
        heldByOthers.clear();
    }
}

package org.agentworkspace.core.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Conflict;
import org.agentworkspace.core.domain.IdempotencyKeys;
import org.agentworkspace.core.domain.IdempotencyMismatch;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.IdempotentRequest;
import org.agentworkspace.core.port.in.RunIdempotently;
import org.agentworkspace.core.port.out.IdempotencyRecord;
import org.agentworkspace.core.port.out.IdempotencyRepository;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Lock, look up, run, record: all in the write's own transaction, so the record exists exactly
 * when the write committed. A write that throws leaves no record and the key can be retried.
 */
final class RunIdempotentlyService implements RunIdempotently {
    private final Transactions transactions;
    private final IdempotencyRepository idempotency;
    private final Ownership ownership;
    private final StorageClock clock;
    private final Duration idempotencyTtl;

    RunIdempotentlyService(Transactions transactions, IdempotencyRepository idempotency, Ownership ownership,
            StorageClock clock, Duration idempotencyTtl) {
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.ownership = ownership;
        this.clock = clock;
        this.idempotencyTtl = idempotencyTtl;
    }

    @Override
    public Outcome run(AgentPrincipal agent, Scope needed, IdempotentRequest request, Supplier<StoredResponse> write) {
        // The wrapped write's own scope: a replay answers without running the write, so it must not
        // hand one key the response another key's scopes allowed.
        AgentScope scope = ownership.scopeFor(agent, needed);
        IdempotencyKeys.check(request.key());
        return transactions.inTransaction(scope, () -> {
            if (!idempotency.tryLock(scope, request.key())) {
                throw new Conflict("A request with this Idempotency-Key is still in progress; retry later");
            }
            Instant now = clock.now();
            Optional<IdempotencyRecord> earlier = idempotency.find(scope, request.key(), now);
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(request.fingerprint())) {
                    throw new IdempotencyMismatch();
                }
                return new Outcome(earlier.get().response(), true);
            }
            StoredResponse response = write.get();
            idempotency.save(scope, new IdempotencyRecord(request.key(), request.fingerprint(), response,
                    now, now.plus(idempotencyTtl)));
            return new Outcome(response, false);
        });
    }
}

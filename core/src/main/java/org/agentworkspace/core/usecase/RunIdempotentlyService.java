package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Conflict;
import org.agentworkspace.core.domain.IdempotencyKeys;
import org.agentworkspace.core.domain.IdempotencyMismatch;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.IdempotentRequest;
import org.agentworkspace.core.port.in.RunIdempotently;
import org.agentworkspace.core.port.out.IdempotencyRecord;

/**
 * Lock, look up, run, record: all in the write's own transaction, so the record exists exactly
 * when the write committed. A write that throws leaves no record and the key can be retried.
 */
final class RunIdempotentlyService implements RunIdempotently {
    private final Chain chain;

    RunIdempotentlyService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Outcome run(AgentPrincipal agent, Scope needed, IdempotentRequest request, Supplier<StoredResponse> write) {
        // The wrapped write's own scope: a replay answers without running the write, so it must not
        // hand one key the response another key's scopes allowed.
        AgentScope scope = chain.scopeOf(agent, needed);
        IdempotencyKeys.check(request.key());
        return chain.ports.transactions().inTransaction(scope, () -> {
            if (!chain.ports.idempotency().tryLock(scope, request.key())) {
                throw new Conflict("A request with this Idempotency-Key is still in progress; retry later");
            }
            Instant now = chain.now();
            Optional<IdempotencyRecord> earlier = chain.ports.idempotency().find(scope, request.key(), now);
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(request.fingerprint())) {
                    throw new IdempotencyMismatch();
                }
                return new Outcome(earlier.get().response(), true);
            }
            StoredResponse response = write.get();
            chain.ports.idempotency().save(scope, new IdempotencyRecord(request.key(), request.fingerprint(), response,
                    now, now.plus(chain.settings.idempotencyTtl())));
            return new Outcome(response, false);
        });
    }
}

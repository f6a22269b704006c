package org.agentworkspace.core.port.in;

import java.util.function.Supplier;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * Runs an agent's write at most once per idempotency key (per agent, 24 hours). The write and
 * the record of its response commit together, so a crash cannot leave one without the other.
 */
public interface RunIdempotently {

    /** The outcome: the response and whether it is a replay of an earlier one. */
    record Outcome(StoredResponse response, boolean replayed) {
    }

    /**
     * @param needed the scope the wrapped write needs (checked here too: a replay never runs the write)
     * @param write performs the use case and renders its response; called inside the transaction
     * @throws org.agentworkspace.core.domain.ValidationFailed when the key is empty or too long
     * @throws org.agentworkspace.core.domain.Conflict while a request with the same key is running
     * @throws org.agentworkspace.core.domain.IdempotencyMismatch when the key was used for another request
     */
    Outcome run(AgentPrincipal agent, Scope needed, IdempotentRequest request, Supplier<StoredResponse> write);
}

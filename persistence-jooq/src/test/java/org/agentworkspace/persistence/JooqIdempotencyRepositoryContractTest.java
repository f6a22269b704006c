package org.agentworkspace.persistence;

import org.agentworkspace.core.contracts.IdempotencyRepositoryContract;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapter keeps the {@link IdempotencyRepositoryContract} on PostgreSQL, as the runtime role. */
class JooqIdempotencyRepositoryContractTest extends IdempotencyRepositoryContract {
    @Override
    protected Ports freshPorts() {
        return ContractPorts.fresh();
    }
}

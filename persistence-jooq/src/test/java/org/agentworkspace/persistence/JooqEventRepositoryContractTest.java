package org.agentworkspace.persistence;

import org.agentworkspace.core.contracts.EventRepositoryContract;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapter keeps the {@link EventRepositoryContract} on PostgreSQL, as the runtime role. */
class JooqEventRepositoryContractTest extends EventRepositoryContract {
    @Override
    protected Ports freshPorts() {
        return ContractPorts.fresh();
    }
}

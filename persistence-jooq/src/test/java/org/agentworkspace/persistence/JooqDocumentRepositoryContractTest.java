package org.agentworkspace.persistence;

import org.agentworkspace.core.contracts.DocumentRepositoryContract;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapter keeps the {@link DocumentRepositoryContract} on PostgreSQL, as the runtime role. */
class JooqDocumentRepositoryContractTest extends DocumentRepositoryContract {
    @Override
    protected Ports freshPorts() {
        return ContractPorts.fresh();
    }
}

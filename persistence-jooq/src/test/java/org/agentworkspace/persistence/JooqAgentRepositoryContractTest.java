package org.agentworkspace.persistence;

import org.agentworkspace.core.contracts.AgentRepositoryContract;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapter keeps the {@link AgentRepositoryContract} on PostgreSQL, as the runtime role. */
class JooqAgentRepositoryContractTest extends AgentRepositoryContract {
    @Override
    protected Ports freshPorts() {
        return ContractPorts.fresh();
    }
}

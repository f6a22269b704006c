package org.agentworkspace.persistence;

import org.agentworkspace.core.contracts.SubscriptionRepositoryContract;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapter keeps the {@link SubscriptionRepositoryContract} on PostgreSQL, as the runtime role. */
class JooqSubscriptionRepositoryContractTest extends SubscriptionRepositoryContract {
    @Override
    protected Ports freshPorts() {
        return ContractPorts.fresh();
    }
}

package org.agentworkspace.persistence;

import org.agentworkspace.core.contracts.CredentialLookupContract;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapter keeps the {@link CredentialLookupContract} on PostgreSQL, as the runtime role. */
class JooqCredentialLookupContractTest extends CredentialLookupContract {
    @Override
    protected Ports freshPorts() {
        return ContractPorts.fresh();
    }
}

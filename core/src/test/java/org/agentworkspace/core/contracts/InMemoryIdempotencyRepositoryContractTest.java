package org.agentworkspace.core.contracts;

import org.agentworkspace.core.fakes.InMemoryWorkspace;
import org.agentworkspace.core.usecase.Ports;

/** The in-memory fakes keep the {@link IdempotencyRepositoryContract}, so tests on them tell the truth about the adapters. */
class InMemoryIdempotencyRepositoryContractTest extends IdempotencyRepositoryContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryWorkspace().ports();
    }
}

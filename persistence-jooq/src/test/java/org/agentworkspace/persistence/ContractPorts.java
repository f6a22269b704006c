package org.agentworkspace.persistence;

import org.agentworkspace.core.fakes.FakeSessionVerifier;
import org.agentworkspace.core.fakes.SimpleRecurrenceExpander;
import org.agentworkspace.core.fakes.TextFeedRenderer;
import org.agentworkspace.core.usecase.Ports;

/** The jOOQ adapters on a fresh database served to the runtime role; the non-storage ports are core's fakes. */
final class ContractPorts {
    private ContractPorts() {
    }

    static Ports fresh() {
        JooqPersistence p = JooqPersistence.create(RuntimeRoleDatabases.fresh().runtimeDataSource());
        return new Ports(p.transactions(), p.credentials(), p.users(), p.agents(), p.events(), p.documents(),
                p.subscriptions(), p.apiKeys(), p.audit(), p.idempotency(), p.processedWebhooks(),
                new SimpleRecurrenceExpander(), new TextFeedRenderer(), new FakeSessionVerifier());
    }
}

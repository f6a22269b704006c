package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.GetOccurrence;
import org.agentworkspace.core.port.out.Transactions;

final class GetOccurrenceService implements GetOccurrence {
    private final Transactions transactions;
    private final SeriesWrites series;
    private final Ownership ownership;

    GetOccurrenceService(Transactions transactions, SeriesWrites series, Ownership ownership) {
        this.transactions = transactions;
        this.series = series;
        this.ownership = ownership;
    }

    @Override
    public Event get(AgentPrincipal agent, String eventId, String originalStart) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_READ);
        return transactions.inTransaction(scope, () -> {
            SeriesWrites.Target target = series.locate(scope, eventId, originalStart);
            return target.series().occurrenceAt(target.originalStart());
        });
    }
}

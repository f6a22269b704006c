package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.CancelOccurrence;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

/** Cancels one occurrence (replacing any override of it) and moves the series' version, in one transaction. */
final class CancelOccurrenceService implements CancelOccurrence {
    private final Transactions transactions;
    private final EventRepository events;
    private final SeriesWrites series;
    private final Ownership ownership;

    CancelOccurrenceService(Transactions transactions, EventRepository events, SeriesWrites series,
                            Ownership ownership) {
        this.transactions = transactions;
        this.events = events;
        this.series = series;
        this.ownership = ownership;
    }

    @Override
    public void cancel(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        transactions.inTransaction(scope, () -> SeriesWrites.retrying(expectedVersion, () -> {
            SeriesWrites.Target target = series.locate(scope, eventId, originalStart);
            Event stored = target.series();
            SeriesWrites.check(expectedVersion, stored);
            if (series.bump(scope, stored, stored.data()).isEmpty()) {
                return null;
            }
            events.saveException(scope, stored.id(), EventException.cancellation(target.originalStart()));
            return Boolean.TRUE;
        }));
    }
}

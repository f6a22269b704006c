package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.EndSeries;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

/** Deletes "this and following": UNTIL before the occurrence and the later exceptions gone, or the whole series from its first. */
final class EndSeriesService implements EndSeries {
    private final Transactions transactions;
    private final EventRepository events;
    private final SeriesWrites series;
    private final Ownership ownership;

    EndSeriesService(Transactions transactions, EventRepository events, SeriesWrites series, Ownership ownership) {
        this.transactions = transactions;
        this.events = events;
        this.series = series;
        this.ownership = ownership;
    }

    @Override
    public void endBefore(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        transactions.inTransaction(scope, () -> SeriesWrites.retrying(expectedVersion, () -> {
            SeriesWrites.Target target = series.locate(scope, eventId, originalStart);
            Event stored = target.series();
            SeriesWrites.check(expectedVersion, stored);
            EventData old = stored.data();
            if (target.originalStart().equals(old.start())) {
                return events.delete(scope, stored.id()) ? Boolean.TRUE : null;
            }
            EventData ended = new EventData(old.title(), old.start(), old.end(), old.allDay(), old.description(),
                    old.location(), SeriesEnds.endingBefore(old.rrule(), target.originalStart(), old.allDay()),
                    old.timezone(), old.color());
            if (series.bump(scope, stored, ended).isEmpty()) {
                return null;
            }
            events.discardExceptions(scope, stored.id(), target.originalStart());
            return Boolean.TRUE;
        }));
    }
}

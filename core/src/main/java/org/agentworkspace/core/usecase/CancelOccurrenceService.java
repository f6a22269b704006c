package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CancelOccurrence;
import org.agentworkspace.core.port.out.EventRepository;

/** Cancels one occurrence (replacing any override of it) and moves the series' version, in one transaction. */
final class CancelOccurrenceService implements CancelOccurrence {
    private final EventRepository events;
    private final SeriesWrites series;

    CancelOccurrenceService(EventRepository events, SeriesWrites series) {
        this.events = events;
        this.series = series;
    }

    @Override
    public void cancel(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion) {
        series.writeOccurrence(agent, eventId, originalStart, expectedVersion, (scope, target) -> {
            Event stored = target.series();
            EventException cancellation = EventException.cancellation(target.originalStart());
            if (series.bump(scope, stored, stored.data(), target.exceptionsWith(cancellation)).isEmpty()) {
                return null;
            }
            events.saveException(scope, stored.id(), cancellation);
            return Boolean.TRUE;
        });
    }
}

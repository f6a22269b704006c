package org.agentworkspace.core.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.OccurrenceInput;
import org.agentworkspace.core.port.in.OverrideOccurrence;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

/**
 * "This occurrence": find it, check the series' version, merge and validate the override, then
 * write the series row (version, updatedAt) and the override in one transaction. An override left
 * without fields is removed: the occurrence follows the series again.
 */
final class OverrideOccurrenceService implements OverrideOccurrence {
    private final Transactions transactions;
    private final EventRepository events;
    private final SeriesWrites series;
    private final Ownership ownership;

    OverrideOccurrenceService(Transactions transactions, EventRepository events, SeriesWrites series,
                              Ownership ownership) {
        this.transactions = transactions;
        this.events = events;
        this.series = series;
        this.ownership = ownership;
    }

    @Override
    public Event override(AgentPrincipal agent, String eventId, String originalStart, OccurrenceInput input,
                          OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        return transactions.inTransaction(scope, () -> SeriesWrites.retrying(expectedVersion, () -> {
            SeriesWrites.Target target = series.locate(scope, eventId, originalStart);
            Event stored = target.series();
            SeriesWrites.check(expectedVersion, stored);
            EventException merged = OccurrenceOverrides.merge(stored.data(), target.originalStart(),
                    target.exception().orElse(null), input);
            Optional<Event> bumped = series.bump(scope, stored, stored.data());
            if (bumped.isEmpty()) {
                return null;
            }
            List<EventException> exceptions = new ArrayList<>(stored.exceptions());
            exceptions.removeIf(e -> e.originalStart().equals(target.originalStart()));
            if (merged.empty()) {
                events.removeException(scope, stored.id(), target.originalStart());
            } else {
                events.saveException(scope, stored.id(), merged);
                exceptions.add(merged);
            }
            return bumped.get().withExceptions(exceptions).occurrenceAt(target.originalStart());
        }));
    }
}

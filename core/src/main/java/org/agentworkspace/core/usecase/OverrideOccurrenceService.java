package org.agentworkspace.core.usecase;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.OccurrenceInput;
import org.agentworkspace.core.port.in.OverrideOccurrence;
import org.agentworkspace.core.port.out.EventRepository;

/**
 * "This occurrence": find it, check the series' version, merge and validate the override, then
 * write the series row (version, updatedAt, start bounds) and the override in one
 * transaction. An override left without fields is removed: the occurrence follows the series again.
 */
final class OverrideOccurrenceService implements OverrideOccurrence {
    private final EventRepository events;
    private final SeriesWrites series;

    OverrideOccurrenceService(EventRepository events, SeriesWrites series) {
        this.events = events;
        this.series = series;
    }

    @Override
    public Event override(AgentPrincipal agent, String eventId, String originalStart, OccurrenceInput input,
                          OptionalLong expectedVersion) {
        return series.writeOccurrence(agent, eventId, originalStart, expectedVersion, (scope, target) -> {
            Event stored = target.series();
            EventException merged = OccurrenceOverrides.merge(stored.data(), target.originalStart(),
                    target.exception().orElse(null), input);
            EventException kept = merged.empty() ? null : merged;
            List<EventException> exceptions = target.exceptionsWith(kept);
            Optional<Event> bumped = series.bump(scope, stored, stored.data(), exceptions);
            if (bumped.isEmpty()) {
                return null;
            }
            if (kept == null) {
                events.removeException(scope, stored.id(), target.originalStart());
            } else {
                events.saveException(scope, stored.id(), kept);
            }
            return bumped.get().withExceptions(exceptions).occurrenceAt(target.originalStart());
        });
    }
}

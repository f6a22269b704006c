package org.agentworkspace.core.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.in.SplitSeries;

/**
 * "This and following" with changes: the old series ends before the occurrence (UNTIL, its later
 * exceptions discarded) and a new series starts there with the old fields, a rule that continues
 * the old one (a COUNT counts on from where the old one stopped), and the sent changes, validated
 * as a new event. All in one transaction, so no client ever sees the occurrences twice or not at all.
 */
final class SplitSeriesService implements SplitSeries {
    private final SeriesWrites series;

    SplitSeriesService(SeriesWrites series) {
        this.series = series;
    }

    @Override
    public Event split(AgentPrincipal agent, String eventId, String originalStart, EventInput changes,
                       OptionalLong expectedVersion) {
        return series.writeOccurrence(agent, eventId, originalStart, expectedVersion, (scope, target) -> {
            Event stored = target.series();
            EventData old = stored.data();
            Instant at = target.originalStart();
            boolean first = at.equals(old.start());
            int before = first || SeriesEnds.count(old.rrule()) == null ? 0
                    : series.expansion().ruleStarts(stored, target.zone(), old.start(), at, Integer.MAX_VALUE).size();
            Duration length = Duration.between(old.start(), old.end());
            EventData base = new EventData(old.title(), at, at.plus(length), old.allDay(), old.description(),
                    old.location(), SeriesEnds.continuing(old.rrule(), before), old.timezone(), old.color());
            EventData next = EventRules.validate(EventDrafts.of(changes).over(base));
            if (!series.endBefore(scope, target)) {
                return null;
            }
            Instant now = series.now();
            Event created = new Event(EventId.random(), scope.agentId(), next, 1, now, now);
            series.insert(scope, created);
            return created;
        });
    }
}

package org.agentworkspace.core.usecase;

import java.util.List;
import java.util.Objects;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.EventRepository;

/**
 * What a change of the whole series does to its exceptions (API.md, "Recurring series"): a new
 * start, rule, zone or all-day flag moves the occurrences the exceptions are named by, so they are
 * discarded in the same transaction; any other change keeps them.
 */
final class SeriesChanges {
    private SeriesChanges() {
    }

    static boolean discardsExceptions(EventData before, EventData after) {
        return !before.start().equals(after.start()) || !Objects.equals(before.rrule(), after.rrule())
                || !Objects.equals(before.timezone(), after.timezone()) || before.allDay() != after.allDay();
    }

    /** The event as written by an update of {@code stored}, with the exceptions it still has. */
    static Event afterUpdate(EventRepository events, AgentScope scope, Event stored, Event written) {
        if (stored.exceptions().isEmpty()) {
            return written.withExceptions(List.of());
        }
        if (discardsExceptions(stored.data(), written.data())) {
            events.discardExceptions(scope, stored.id(), null);
            return written.withExceptions(List.of());
        }
        return written.withExceptions(stored.exceptions());
    }
}

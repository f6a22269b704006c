package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.agentworkspace.core.domain.EventData;

/**
 * Expands a recurring event per RFC 5545 in wall-clock time of {@code zone}, so a 09:00 series
 * stays at 09:00 local across daylight-saving changes.
 */
public interface RecurrenceExpander {

    /**
     * The occurrences whose start lies in [{@code from}, {@code before}), in order, at most
     * {@code max}; a result of exactly {@code max} elements means "there may be more". The rule
     * was validated by the core ({@link org.agentworkspace.core.domain.RecurrenceRule}) before it
     * was stored; the expander accepts exactly that grammar and refuses any other rule with an
     * {@link IllegalArgumentException}.
     *
     * @throws TooManyOccurrences when the rule is too dense to expand in this window
     */
    List<Occurrence> occurrences(EventData series, ZoneId zone, Instant from, Instant before, int max);
}

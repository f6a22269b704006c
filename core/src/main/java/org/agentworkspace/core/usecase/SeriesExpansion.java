package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.port.out.Occurrence;
import org.agentworkspace.core.port.out.RecurrenceExpander;
import org.agentworkspace.core.port.out.TooManyOccurrences;

/**
 * The one expansion of a series with its exceptions, used by {@code expand=true}, the occurrence
 * routes and free/busy (the feed hands clients the same rule, EXDATEs and overrides): the rule is
 * expanded in the series' zone by the {@link RecurrenceExpander} (DST-correct, bounded), cancelled
 * occurrences are left out, and overridden ones take their effective fields; a window selects
 * occurrences by their effective start, so a moved occurrence appears where it was moved to.
 */
final class SeriesExpansion {
    static final Comparator<Event> BY_START_THEN_ORIGINAL = Comparator.comparing((Event e) -> e.data().start())
            .thenComparing(Event::originalStart);
    /** An original start names the occurrence the rule places within this second (API.md: second precision). */
    private static final long MATCH_SECONDS = 1;

    private final RecurrenceExpander expander;

    SeriesExpansion(RecurrenceExpander expander) {
        this.expander = expander;
    }

    /**
     * The occurrences of {@code series} whose effective start lies in [{@code from}, {@code before}),
     * ordered by start, at most {@code max}; exactly {@code max} means "there may be more".
     */
    List<Event> occurrences(Event series, ZoneId zone, Instant from, Instant before, int max) {
        if (max <= 0 || !before.isAfter(from)) {
            return List.of();
        }
        List<EventException> exceptions = series.exceptions();
        // Cancelled and moved-away occurrences take room among the rule's starts without filling it.
        int room = (int) Math.min(Integer.MAX_VALUE, (long) max + exceptions.size());
        List<Event> result = new ArrayList<>();
        for (Occurrence o : expand(series, zone, from, before, room)) {
            Optional<EventException> exception = series.exceptionAt(o.start());
            if (exception.isPresent() && exception.get().cancelled()) {
                continue;
            }
            Event occurrence = series.occurrenceAt(o.start());
            if (inWindow(occurrence.data().start(), from, before)) {
                result.add(occurrence);
            }
        }
        // Occurrences moved into the window from outside it: the rule's window does not reach them.
        for (EventException e : exceptions) {
            if (!e.cancelled() && e.start() != null && !inWindow(e.originalStart(), from, before)
                    && inWindow(e.start(), from, before) && produces(series, zone, e.originalStart())) {
                result.add(series.occurrenceAt(e.originalStart()));
            }
        }
        result.sort(BY_START_THEN_ORIGINAL);
        return result.size() > max ? List.copyOf(result.subList(0, max)) : result;
    }

    /**
     * The original start of the occurrence the unmodified rule places at {@code named} (within
     * the same second), whether or not it is cancelled; empty when the rule places none there.
     */
    Optional<Instant> originalStart(Event series, ZoneId zone, Instant named) {
        if (!series.data().recurring()) {
            return Optional.empty();
        }
        List<Occurrence> found = expand(series, zone, named, named.plusSeconds(MATCH_SECONDS), 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).start());
    }

    /** Starts of the rule's occurrences in [{@code from}, {@code before}), at most {@code max}, exceptions ignored. */
    List<Instant> ruleStarts(Event series, ZoneId zone, Instant from, Instant before, int max) {
        return expand(series, zone, from, before, max).stream().map(Occurrence::start).toList();
    }

    /** The rule's occurrences; a rule too dense to expand is the caller's {@code rrule} to fix (400). */
    private List<Occurrence> expand(Event series, ZoneId zone, Instant from, Instant before, int max) {
        try {
            return expander.occurrences(series.data(), zone, from, before, max);
        } catch (TooManyOccurrences e) {
            throw ValidationFailed.of("rrule", e.getMessage());
        }
    }

    private boolean produces(Event series, ZoneId zone, Instant originalStart) {
        return originalStart(series, zone, originalStart).filter(originalStart::equals).isPresent();
    }

    private static boolean inWindow(Instant start, Instant from, Instant before) {
        return !start.isBefore(from) && start.isBefore(before);
    }
}

package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.port.out.Occurrence;
import org.agentworkspace.core.port.out.RecurrenceExpander;
import org.agentworkspace.core.port.out.StartBounds;
import org.agentworkspace.core.port.out.TooManyOccurrences;

/**
 * Where the occurrences of an event can start (issue 21): from the earliest to the last possible
 * start, moved ones included. Every write of an event stores them with it, so a window read skips
 * the series that cannot reach the window
 * ({@link org.agentworkspace.core.port.out.EventRepository#candidatesForExpansion}). An unbounded
 * side is always safe: the series is then read by every window on that side.
 *
 * <p>The bounds hold whatever the agent's zone becomes later: a series without a zone of its own
 * recurs in the agent's, which the owner may change without touching the series. So the bound
 * of such a series never depends on a zone: an UNTIL in local time gets the widest margin any
 * zone needs, and a COUNT (whose dates depend on where DTSTART falls in the zone) is unbounded.
 */
final class SeriesBounds {
    /** COUNT rules up to this many occurrences are walked at write time; longer ones stay unbounded. */
    static final int MAX_WALKED = 10_000;
    /** Past every instant the expander can reach (the supported years end in 2199). */
    private static final Instant NEVER = LocalDate.of(2300, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** A local UNTIL (RFC 5545 allows one) names a wall-clock time; no zone is more than 12 hours behind UTC. */
    private static final long ANY_ZONE_MARGIN_DAYS = 2;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    private final RecurrenceExpander expander;

    SeriesBounds(RecurrenceExpander expander) {
        this.expander = expander;
    }

    /**
     * The bounds of an event with {@code data} and {@code exceptions} (as stored after the write).
     * A one-off event starts at its start only. A series starts no earlier than DTSTART (its first
     * occurrence, RFC 5545 §3.3.10) and no later than its rule's last start, and each override
     * widens them to its new start; the last is unbounded when the rule has no end (or one too far
     * to walk).
     */
    StartBounds of(EventData data, List<EventException> exceptions) {
        if (!data.recurring()) {
            return new StartBounds(data.start(), data.start());
        }
        Instant first = data.start();
        Instant rule = ruleEnd(data);
        // DTSTART is always an occurrence, even after UNTIL.
        Instant last = rule == null ? null : later(data.start(), rule);
        for (EventException e : exceptions) {
            if (!e.cancelled() && e.start() != null) {
                first = e.start().isBefore(first) ? e.start() : first;
                last = last == null ? null : later(last, e.start());
            }
        }
        return new StartBounds(first, last);
    }

    private Instant ruleEnd(EventData data) {
        String until = part(data.rrule(), "UNTIL");
        if (until != null) {
            return untilEnd(until, data);
        }
        String count = part(data.rrule(), "COUNT");
        return count == null ? null : countEnd(Integer.parseInt(count), data);
    }

    /** UNTIL as the expander applies it: a UTC time as an instant, a local time or a date in the series' zone. */
    private static Instant untilEnd(String until, EventData data) {
        LocalDate date = LocalDate.parse(until.substring(0, 8), DATE);
        if (until.endsWith("Z")) {
            // Also for an all-day series: its last date's UTC midnight is not after the instant.
            return LocalDateTime.parse(until.substring(0, 15), DATE_TIME).toInstant(ZoneOffset.UTC);
        }
        if (data.allDay()) {
            // All-day series recur on UTC midnights; a local UNTIL compares by its date.
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        ZoneId zone = data.timezone();
        if (zone == null) {
            return date.plusDays(ANY_ZONE_MARGIN_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (until.length() == 8) {
            // A date UNTIL keeps every occurrence on that local day.
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        // As the expander places local times: a gap moves forward, an overlap takes the earlier offset.
        return ZonedDateTime.ofLocal(LocalDateTime.parse(until, DATE_TIME), zone, null).toInstant();
    }

    /** The start of the COUNT-th occurrence, walked by the expander in the series' own zone. */
    private Instant countEnd(int count, EventData data) {
        ZoneId zone = data.allDay() ? ZoneOffset.UTC : data.timezone();
        if (zone == null || count > MAX_WALKED) {
            return null;
        }
        List<Occurrence> all;
        try {
            all = expander.occurrences(data, zone, data.start(), NEVER, count);
        } catch (TooManyOccurrences e) {
            return null;
        }
        Instant last = data.start();
        for (Occurrence o : all) {
            last = later(last, o.start());
        }
        return last;
    }

    private static String part(String rrule, String name) {
        for (String part : rrule.split(";")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

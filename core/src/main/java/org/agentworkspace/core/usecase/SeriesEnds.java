package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites a stored (normalised) rule for "this and following": the old series ends just before
 * the occurrence, the new one continues the count. RFC 5545 forbids COUNT and UNTIL together, so
 * the old series' COUNT gives way to the UNTIL.
 */
final class SeriesEnds {
    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SeriesEnds() {
    }

    /**
     * The rule ending before {@code originalStart}: a timed series gets the UTC second before it
     * as UNTIL (RFC 5545 wants UTC when DTSTART has a TZID), an all-day series the day before.
     */
    static String endingBefore(String rrule, Instant originalStart, boolean allDay) {
        List<String> parts = partsWithout(rrule, "COUNT", "UNTIL");
        parts.add("UNTIL=" + (allDay ? DATE.format(originalStart.minusSeconds(86_400))
                : UTC_DATE_TIME.format(originalStart.minusSeconds(1))));
        return String.join(";", parts);
    }

    /** The rule of the continuing series: its COUNT reduced by the occurrences the old one keeps. */
    static String continuing(String rrule, int occurrencesBefore) {
        Integer count = count(rrule);
        if (count == null) {
            return rrule;
        }
        List<String> parts = partsWithout(rrule, "COUNT");
        parts.add("COUNT=" + Math.max(1, count - occurrencesBefore));
        return String.join(";", parts);
    }

    static Integer count(String rrule) {
        for (String part : rrule.split(";")) {
            if (part.startsWith("COUNT=")) {
                return Integer.parseInt(part.substring(6));
            }
        }
        return null;
    }

    private static List<String> partsWithout(String rrule, String... names) {
        List<String> kept = new ArrayList<>();
        outer:
        for (String part : rrule.split(";")) {
            for (String name : names) {
                if (part.startsWith(name + "=")) {
                    continue outer;
                }
            }
            kept.add(part);
        }
        return kept;
    }
}

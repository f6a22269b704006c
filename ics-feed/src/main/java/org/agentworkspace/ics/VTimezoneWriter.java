package org.agentworkspace.ics;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * Writes a VTIMEZONE (RFC 5545 §3.6.5) from the JDK's rules for one zone.
 *
 * <p>History since {@link #HISTORY_START} is written as one fixed onset per change, so events of
 * past years resolve as the JDK resolves them; the zone's current yearly rules follow as
 * observances with a yearly RRULE. No RDATE lists: Outlook is known to ignore RDATE inside a
 * VTIMEZONE, and ical4j reads them as UTC rather than local times. A zone without
 * changes (UTC, Asia/Tokyo) gets a single STANDARD. Output depends on the zone only, never on
 * the clock, so the same zone always gives the same lines.
 */
final class VTimezoneWriter {
    /** Older history is left out: feeds show current calendars, and 1970 keeps the block short. */
    static final LocalDateTime HISTORY_START = LocalDateTime.of(1970, 1, 1, 0, 0);
    /** Years over which a derived yearly RRULE is checked against the JDK before it is trusted. */
    private static final int CHECKED_YEARS = 60;
    private static final String[] DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private VTimezoneWriter() {
    }

    static void write(ContentLineWriter w, ZoneId zone) throws IOException {
        ZoneRules rules = zone.getRules();
        Instant cutoff = HISTORY_START.toInstant(ZoneOffset.UTC);
        w.line("BEGIN:VTIMEZONE");
        w.line("TZID:" + zone.getId());

        ZoneOffset initial = rules.getOffset(cutoff);
        observance(w, rules.isDaylightSavings(cutoff), HISTORY_START, initial, initial, null);

        Instant lastFixed = cutoff;
        for (ZoneOffsetTransition t : rules.getTransitions()) {
            if (t.getInstant().isAfter(cutoff)) {
                observance(w, rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(),
                        t.getOffsetAfter(), null);
                lastFixed = t.getInstant();
            }
        }

        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            writeRule(w, rule, lastFixed);
        }
        w.line("END:VTIMEZONE");
    }

    private static void writeRule(ContentLineWriter w, ZoneOffsetTransitionRule rule, Instant after) throws IOException {
        int year = LocalDateTime.ofInstant(after, ZoneOffset.UTC).getYear();
        ZoneOffsetTransition first = rule.createTransition(year);
        while (!first.getInstant().isAfter(after)) {
            first = rule.createTransition(++year);
        }
        boolean daylight = !rule.getOffsetAfter().equals(rule.getStandardOffset());
        LocalDateTime onset = first.getDateTimeBefore();
        Optional<String> rrule = yearlyRule(rule, year);
        if (rrule.isPresent()) {
            observance(w, daylight, onset, rule.getOffsetBefore(), rule.getOffsetAfter(), rrule.get());
        } else {
            // No RRULE fits (e.g. the day shifts across a month end): one onset per year instead,
            // as separate observances because some clients ignore RDATE inside VTIMEZONE.
            for (int y = year; y < year + CHECKED_YEARS; y++) {
                ZoneOffsetTransition t = rule.createTransition(y);
                observance(w, daylight, t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter(), null);
            }
        }
    }

    /**
     * The RRULE that yields the rule's local onset (wall time before the change) in every
     * checked year, or empty when neither "nth weekday", "last weekday" nor "fixed day" fits.
     */
    private static Optional<String> yearlyRule(ZoneOffsetTransitionRule rule, int fromYear) {
        LocalDateTime onset = rule.createTransition(fromYear).getDateTimeBefore();
        int month = onset.getMonthValue();
        if (rule.getDayOfWeek() == null) {
            int day = onset.getDayOfMonth();
            if (matches(rule, fromYear, y -> LocalDate.of(y, month, day))) {
                return Optional.of("FREQ=YEARLY;BYMONTH=" + month + ";BYMONTHDAY=" + day);
            }
            return Optional.empty();
        }
        DayOfWeek dow = onset.getDayOfWeek();
        String code = DAY_CODES[dow.getValue() - 1];
        int nth = (onset.getDayOfMonth() - 1) / 7 + 1;
        if (nth <= 4 && matches(rule, fromYear,
                y -> LocalDate.of(y, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, dow)))) {
            return Optional.of("FREQ=YEARLY;BYMONTH=" + month + ";BYDAY=" + nth + code);
        }
        if (matches(rule, fromYear, y -> LocalDate.of(y, month, 1).with(TemporalAdjusters.lastInMonth(dow)))) {
            return Optional.of("FREQ=YEARLY;BYMONTH=" + month + ";BYDAY=-1" + code);
        }
        return Optional.empty();
    }

    private interface DateOfYear {
        LocalDate in(int year);
    }

    private static boolean matches(ZoneOffsetTransitionRule rule, int fromYear, DateOfYear pattern) {
        LocalDateTime onset = rule.createTransition(fromYear).getDateTimeBefore();
        for (int y = fromYear; y < fromYear + CHECKED_YEARS; y++) {
            LocalDateTime expected = rule.createTransition(y).getDateTimeBefore();
            if (!expected.equals(pattern.in(y).atTime(onset.toLocalTime()))) {
                return false;
            }
        }
        return true;
    }

    private static void observance(ContentLineWriter w, boolean daylight, LocalDateTime start, ZoneOffset from,
                                   ZoneOffset to, String rrule) throws IOException {
        String name = daylight ? "DAYLIGHT" : "STANDARD";
        w.line("BEGIN:" + name);
        w.line("DTSTART:" + IcsValues.local(start));
        w.line("TZOFFSETFROM:" + IcsValues.offset(from));
        w.line("TZOFFSETTO:" + IcsValues.offset(to));
        if (rrule != null) {
            w.line("RRULE:" + rrule);
        }
        w.line("END:" + name);
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
    private static final int CACHED_ZONES = 1024;
    private static final ConcurrentMap<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private VTimezoneWriter() {
    }

    static void write(ContentLineWriter w, ZoneId zone) throws IOException {
        for (String line : lines(zone)) {
            w.line(line);
        }
    }

    /**
     * The block's lines, built once per zone: they depend on the JDK's rules only, which do not
     * change while it runs, and checking yearly rules over {@link #CHECKED_YEARS} years is
     * needless work on every feed. The cache holds at most {@link #CACHED_ZONES} zones (the JDK
     * knows about 600 region ids); others are built each time.
     */
    private static List<String> lines(ZoneId zone) {
        List<String> cached = CACHE.get(zone.getId());
        if (cached != null) {
            return cached;
        }
        List<String> lines = new ArrayList<>();
        build(lines, zone);
        List<String> built = List.copyOf(lines);
        if (CACHE.size() < CACHED_ZONES) {
            CACHE.putIfAbsent(zone.getId(), built);
        }
        return built;
    }

    private static void build(List<String> out, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant cutoff = HISTORY_START.toInstant(ZoneOffset.UTC);
        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:" + zone.getId());

        ZoneOffset initial = rules.getOffset(cutoff);
        observance(out, rules.isDaylightSavings(cutoff), HISTORY_START, initial, initial, null);

        Instant lastFixed = cutoff;
        for (ZoneOffsetTransition t : rules.getTransitions()) {
            if (t.getInstant().isAfter(cutoff)) {
                observance(out, rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(),
                        t.getOffsetAfter(), null);
                lastFixed = t.getInstant();
            }
        }

        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            writeRule(out, rule, lastFixed);
        }
        out.add("END:VTIMEZONE");
    }

    private static void writeRule(List<String> out, ZoneOffsetTransitionRule rule, Instant after) {
        int year = LocalDateTime.ofInstant(after, ZoneOffset.UTC).getYear();
        ZoneOffsetTransition first = rule.createTransition(year);
        while (!first.getInstant().isAfter(after)) {
            first = rule.createTransition(++year);
        }
        boolean daylight = !rule.getOffsetAfter().equals(rule.getStandardOffset());
        LocalDateTime onset = first.getDateTimeBefore();
        Optional<String> rrule = yearlyRule(rule, year);
        if (rrule.isPresent()) {
            observance(out, daylight, onset, rule.getOffsetBefore(), rule.getOffsetAfter(), rrule.get());
        } else {
            // No RRULE fits (e.g. the day shifts across a month end): one onset per year instead,
            // as separate observances because some clients ignore RDATE inside VTIMEZONE.
            for (int y = year; y < year + CHECKED_YEARS; y++) {
                ZoneOffsetTransition t = rule.createTransition(y);
                observance(out, daylight, t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter(), null);
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

    private static void observance(List<String> out, boolean daylight, LocalDateTime start, ZoneOffset from,
                                   ZoneOffset to, String rrule) {
        String name = daylight ? "DAYLIGHT" : "STANDARD";
        out.add("BEGIN:" + name);
        out.add("DTSTART:" + IcsValues.local(start));
        out.add("TZOFFSETFROM:" + IcsValues.offset(from));
        out.add("TZOFFSETTO:" + IcsValues.offset(to));
        if (rrule != null) {
            out.add("RRULE:" + rrule);
        }
        out.add("END:" + name);
    }
}

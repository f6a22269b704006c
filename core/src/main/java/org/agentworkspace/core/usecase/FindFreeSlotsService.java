package org.agentworkspace.core.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.core.domain.BusyInterval;
import org.agentworkspace.core.domain.FreeBusy;
import org.agentworkspace.core.domain.Issue;
import org.agentworkspace.core.domain.Issues;
import org.agentworkspace.core.domain.QueryRules;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.TimeWindow;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.FindFreeSlots;
import org.agentworkspace.core.port.in.GetFreeBusy;

/**
 * Free slots: the window minus the busy intervals {@link GetFreeBusy} reports, cut to each local
 * day's {@code day_start}–{@code day_end} in the agent's zone when given, keeping what is at least
 * {@code duration_minutes} long.
 *
 * <p>Free/busy lists what <em>starts</em> in its window; an event that began before
 * {@code start_after} and still runs is found by a second free/busy read of the
 * {@value #LOOKBACK_DAYS} days before it.
 *
 * <p>Local hours are resolved per day, so days of 23 or 25 hours come out right: a
 * {@code day_start} or {@code day_end} that a spring-forward night skips stands for the moment the
 * clock jumps (the first moment the local time is at or past it), and in a fall-back night's
 * repeated hour {@code day_start} means its first pass and {@code day_end} its second, so the day's
 * range holds every moment whose local time lies between the two.
 */
final class FindFreeSlotsService implements FindFreeSlots {
    static final int MAX_DURATION_MINUTES = 1440;
    static final int LOOKBACK_DAYS = 31;
    private static final int MINUTES_PER_DAY = 1440;
    /** The first instant the contract accepts (years 1900 to 2199): the look-back never reaches past it. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Pattern HH_MM = Pattern.compile("([0-9]{2}):([0-9]{2})");
    private static final Pattern MINUTES = Pattern.compile("[0-9]{1,4}");

    private final GetFreeBusy freeBusy;
    private final Ownership ownership;

    FindFreeSlotsService(GetFreeBusy freeBusy, Ownership ownership) {
        this.freeBusy = freeBusy;
        this.ownership = ownership;
    }

    @Override
    public FreeSlots find(AgentPrincipal agent, SlotQuery query) {
        // The refusals of free/busy (suspended, scope) come before any validation, as on every route.
        ownership.scopeFor(agent, Scope.EVENTS_READ);
        Issues issues = new Issues();
        TimeWindow window = window(query, issues);
        Duration length = duration(query.durationMinutes(), issues);
        Integer dayStart = localTime(query.dayStart(), "day_start", issues);
        Integer dayEnd = localTime(query.dayEnd(), "day_end", issues);
        if (dayStart != null && dayStart == MINUTES_PER_DAY) {
            issues.add("day_start", "day_start must be a local time HH:MM from 00:00 to 23:59, e.g. 09:00");
        } else if ((dayStart != null || dayEnd != null)
                && (dayEnd == null ? MINUTES_PER_DAY : dayEnd) <= (dayStart == null ? 0 : dayStart)) {
            issues.add("day_end", "day_end must be after day_start, e.g. day_start 09:00 and day_end 17:00; "
                    + "hours across midnight are not supported: ask for the hours before and after midnight "
                    + "separately");
        }
        issues.throwIfAny();

        FreeBusy inWindow = freeBusy.get(agent, query.startAfter(), query.startBefore());
        List<BusyInterval> busy = new ArrayList<>(stillRunning(agent, window, query.startAfter()));
        busy.addAll(inWindow.busy());
        List<Slot> ranges = dayStart == null && dayEnd == null
                ? List.of(new Slot(window.from(), window.before()))
                : dailyRanges(window, inWindow.timezone(), dayStart == null ? 0 : dayStart,
                        dayEnd == null ? MINUTES_PER_DAY : dayEnd);
        return new FreeSlots(free(ranges, GetFreeBusyService.merged(busy), length), inWindow.timezone());
    }

    private static TimeWindow window(SlotQuery query, Issues issues) {
        try {
            TimeWindow window = QueryRules.requiredWindow(query.startAfter(), query.startBefore(),
                    QueryRules.MAX_FREE_BUSY_DAYS);
            if (!window.before().isAfter(window.from())) {
                issues.add("start_before", "start_before must be after start_after");
            }
            return window;
        } catch (ValidationFailed invalid) {
            for (Issue issue : invalid.issues()) {
                issues.add(issue.path(), issue.message());
            }
            return null;
        }
    }

    private static Duration duration(String text, Issues issues) {
        String rule = "duration_minutes must be a whole number of minutes from 1 to " + MAX_DURATION_MINUTES
                + " (24 hours), e.g. 30";
        if (text == null) {
            issues.add("duration_minutes", "duration_minutes is required: " + rule);
            return null;
        }
        if (!MINUTES.matcher(text).matches() || Integer.parseInt(text) < 1
                || Integer.parseInt(text) > MAX_DURATION_MINUTES) {
            issues.add("duration_minutes", rule);
            return null;
        }
        return Duration.ofMinutes(Integer.parseInt(text));
    }

    /** Minutes after local midnight, 0 to 1440 ({@code 24:00}); {@code null} when absent or invalid. */
    private static Integer localTime(String text, String path, Issues issues) {
        if (text == null) {
            return null;
        }
        Matcher m = HH_MM.matcher(text);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(1));
            int minutes = Integer.parseInt(m.group(2));
            if ((hours < 24 && minutes < 60) || (hours == 24 && minutes == 0)) {
                return hours * 60 + minutes;
            }
        }
        issues.add(path, path + " must be a local time HH:MM in the agent's time zone, from 00:00 to "
                + (path.equals("day_end") ? "24:00 (the midnight that ends the day), e.g. 17:30" : "23:59, e.g. 09:00"));
        return null;
    }

    /** Busy time that started in the look-back before the window and runs into it. */
    private List<BusyInterval> stillRunning(AgentPrincipal agent, TimeWindow window, String startAfter) {
        Instant from = window.from().minus(Duration.ofDays(LOOKBACK_DAYS));
        if (from.isBefore(EARLIEST)) {
            from = EARLIEST;
        }
        try {
            return freeBusy.get(agent, from.toString(), startAfter).busy().stream()
                    .filter(span -> span.end().isAfter(window.from()))
                    .toList();
        } catch (ValidationFailed tooMany) {
            throw ValidationFailed.of("start_after", "more than " + QueryRules.MAX_OCCURRENCES + " occurrences "
                    + "start in the " + LOOKBACK_DAYS + " days before start_after (searched for events still "
                    + "running at start_after); the calendar is too dense there to search for free slots");
        }
    }

    /** Each local day's hours inside the window, in order; ranges that touch (00:00 to 24:00) are joined. */
    private static List<Slot> dailyRanges(TimeWindow window, ZoneId zone, int dayStart, int dayEnd) {
        List<Slot> ranges = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(window.before(), zone);
        for (LocalDate day = LocalDate.ofInstant(window.from(), zone); !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = latest(window.from(), at(day, dayStart, zone, false));
            Instant end = earliest(window.before(), at(day, dayEnd, zone, true));
            if (!end.isAfter(start)) {
                continue;
            }
            if (!ranges.isEmpty() && !ranges.get(ranges.size() - 1).end().isBefore(start)) {
                start = ranges.remove(ranges.size() - 1).start();
            }
            ranges.add(new Slot(start, end));
        }
        return ranges;
    }

    /**
     * The instant of a local time on {@code day}: in a gap, the moment the clock jumps past it; in an
     * overlap, the first pass for a start and the second for an end. {@code 24:00} is the next
     * day's start.
     */
    static Instant at(LocalDate day, int minuteOfDay, ZoneId zone, boolean end) {
        if (minuteOfDay == MINUTES_PER_DAY) {
            return at(day.plusDays(1), 0, zone, false);
        }
        LocalDateTime local = day.atStartOfDay().plusMinutes(minuteOfDay);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
        return (end ? zoned.withLaterOffsetAtOverlap() : zoned.withEarlierOffsetAtOverlap()).toInstant();
    }

    /** The parts of {@code ranges} no busy interval covers, at least {@code length} long. */
    private static List<Slot> free(List<Slot> ranges, List<BusyInterval> busy, Duration length) {
        List<Slot> free = new ArrayList<>();
        int first = 0;
        for (Slot range : ranges) {
            while (first < busy.size() && !busy.get(first).end().isAfter(range.start())) {
                first++;
            }
            Instant cursor = range.start();
            for (int i = first; i < busy.size() && busy.get(i).start().isBefore(range.end()); i++) {
                BusyInterval span = busy.get(i);
                if (span.start().isAfter(cursor)) {
                    keep(free, cursor, span.start(), length);
                }
                cursor = latest(cursor, span.end());
            }
            keep(free, cursor, range.end(), length);
        }
        return free;
    }

    private static void keep(List<Slot> free, Instant start, Instant end, Duration length) {
        if (Duration.between(start, end).compareTo(length) >= 0) {
            free.add(new Slot(start, end));
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

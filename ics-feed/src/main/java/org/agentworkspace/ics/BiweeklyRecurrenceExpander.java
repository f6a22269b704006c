package org.agentworkspace.ics;

import biweekly.ICalDataType;
import biweekly.ICalVersion;
import biweekly.io.ParseContext;
import biweekly.io.scribe.property.RecurrenceRuleScribe;
import biweekly.parameter.ICalParameters;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.com.google.ical.iter.RecurrenceIterator;
import biweekly.util.com.google.ical.iter.RecurrenceIteratorFactory;
import biweekly.util.com.google.ical.values.DateTimeValue;
import biweekly.util.com.google.ical.values.DateTimeValueImpl;
import biweekly.util.com.google.ical.values.DateValue;
import biweekly.util.com.google.ical.values.DateValueImpl;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TimeZone;
import java.util.TreeSet;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.Issues;
import org.agentworkspace.core.domain.RecurrenceRule;
import org.agentworkspace.core.port.out.Occurrence;
import org.agentworkspace.core.port.out.RecurrenceExpander;
import org.agentworkspace.core.port.out.TooManyOccurrences;

/**
 * Expands RRULEs with biweekly's port of google-rfc-2445, in the wall-clock time of the zone.
 *
 * <p>The iterator runs on local date-times (it is given UTC, so it converts nothing); each local
 * start is then placed in the zone as RFC 5545 §3.3.5 says: a time inside a DST gap moves forward
 * by the gap's length, a time inside an overlap takes the first (earlier) instant. An all-day
 * series recurs by date on UTC midnights, as all-day events are stored. DTSTART always counts as
 * the first occurrence (RFC 5545 §3.3.10), also when it does not match the rule. Occurrences that
 * fall on the same instant (two local times folded together by a gap) count once.
 *
 * <p>Termination: without COUNT the iterator jumps straight to the window's year and month; with
 * COUNT every earlier occurrence must be counted, so it walks them. Either way it stops after
 * {@link #MAX_STEPS} generated candidates and reports the rule as too dense for the window
 * ({@link TooManyOccurrences}, which the use case answers as a validation error on {@code rrule})
 * rather than answering something incomplete. Rules no
 * date can satisfy end in the iterator itself, which gives up after 100 years without an instance;
 * the same throttle means a window more than about 100 years after the series' start finds
 * nothing (google-rfc-2445 behaviour, accepted: calendars do not look that far).
 *
 * <p>A listing expands every series its window reads; since V20 the window skips the series whose
 * stored start bounds miss it (issue 21), but a series without a known end is still read, and the
 * core walks a COUNT series once per write to bound it. So parsed rules are cached by their text, a series
 * whose UNTIL lies before the window is answered without an iterator, and so is a COUNT series
 * once one walk has found its last start. Both caches are bounded and hold immutable values only.
 */
public final class BiweeklyRecurrenceExpander implements RecurrenceExpander {
    /** Enough for a SECONDLY rule to cross a whole month (2.7 million) to reach a window. */
    static final int MAX_STEPS = 5_000_000;
    /** Local progress past this margin cannot yield an earlier instant any more (DST shifts are hours). */
    private static final Duration REORDER_MARGIN = Duration.ofDays(1);
    private static final TimeZone NO_CONVERSION = TimeZone.getTimeZone("UTC");
    private static final RecurrenceRuleScribe SCRIBE = new RecurrenceRuleScribe();
    /** Parsed rules by their text: the few rules of a workspace are parsed once, not per listing. */
    private final BoundedCache<String, ParsedRule> rules;
    /** The last start of COUNT series, once a walk reached it; about 200 bytes an entry. */
    private final BoundedCache<SeriesKey, Instant> lastStarts;

    public BiweeklyRecurrenceExpander() {
        this(4096, 16_384);
    }

    BiweeklyRecurrenceExpander(int cachedRules, int cachedSeriesEnds) {
        this.rules = new BoundedCache<>(cachedRules);
        this.lastStarts = new BoundedCache<>(cachedSeriesEnds);
    }

    int cachedRules() {
        return rules.size();
    }

    int cachedSeriesEnds() {
        return lastStarts.size();
    }

    @Override
    public List<Occurrence> occurrences(EventData series, ZoneId zone, Instant from, Instant before, int max) {
        Duration length = Duration.between(series.start(), series.end());
        if (max <= 0 || !before.isAfter(from)) {
            return List.of();
        }
        if (!series.recurring()) {
            return firstOnly(series, from, before);
        }
        ParsedRule rule = parsed(series.rrule());
        Integer count = rule.count();
        // A series that ended before the window only has DTSTART left to offer (it counts even when
        // the rule would not produce it); most series in a calendar have ended (docs/performance.md,
        // "Why the remaining misses miss"), so this is the common answer of a listing.
        if (rule.untilBound() != null && rule.untilBound().isBefore(from)) {
            return firstOnly(series, from, before);
        }
        SeriesKey key = count == null ? null : new SeriesKey(series.rrule(), series.start(), zone, series.allDay());
        Instant lastStart = key == null ? null : lastStarts.get(key);
        if (lastStart != null && lastStart.isBefore(from)) {
            return firstOnly(series, from, before);
        }
        Boundary until = rule.until() == null ? null : new Boundary(rule.until(), zone);

        Placement placement = series.allDay() ? new AllDay() : new Timed(zone);
        DateValue first = placement.toValue(series.start());
        RecurrenceIterator it = RecurrenceIteratorFactory.createRecurrenceIterator(rule.open(), first, NO_CONVERSION);
        if (count == null) {
            DateValue target = placement.toValue(from.minus(REORDER_MARGIN));
            if (target.compareTo(first) > 0) {
                it.advanceTo(target);
            }
        }

        NavigableSet<Instant> starts = new TreeSet<>();
        collect(starts, series.start(), from, before, max);
        int index = 1;
        int steps = 0;
        Instant last = series.start();
        boolean ended = true;
        while ((count == null || index < count) && it.hasNext()) {
            if (++steps > MAX_STEPS) {
                throw new TooManyOccurrences("the rule has too many occurrences to expand in this window");
            }
            DateValue value = it.next();
            if (value.compareTo(first) <= 0) {
                continue;
            }
            if (until != null && until.isBefore(value, placement)) {
                break;
            }
            index++;
            Instant start = placement.toInstant(value);
            Instant horizon = starts.size() == max ? starts.last() : before;
            if (!start.isBefore(horizon.plus(REORDER_MARGIN))) {
                ended = false;
                break;
            }
            last = last.isAfter(start) ? last : start;
            collect(starts, start, from, before, max);
        }
        if (key != null && ended) {
            // Walked from DTSTART to the series' natural end: later windows need not walk it again.
            lastStarts.put(key, last);
        }
        List<Occurrence> result = new ArrayList<>(starts.size());
        for (Instant start : starts) {
            result.add(new Occurrence(start, start.plus(length)));
        }
        return result;
    }

    private static List<Occurrence> firstOnly(EventData series, Instant from, Instant before) {
        return inWindow(series.start(), from, before)
                ? List.of(new Occurrence(series.start(), series.end())) : List.of();
    }

    private static void collect(NavigableSet<Instant> starts, Instant start, Instant from, Instant before, int max) {
        if (inWindow(start, from, before)) {
            starts.add(start);
            if (starts.size() > max) {
                starts.pollLast();
            }
        }
    }

    private static boolean inWindow(Instant start, Instant from, Instant before) {
        return !start.isBefore(from) && start.isBefore(before);
    }

    private ParsedRule parsed(String rrule) {
        ParsedRule cached = rules.get(rrule);
        if (cached == null) {
            cached = ParsedRule.of(parse(rrule));
            rules.put(rrule, cached);
        }
        return cached;
    }

    private static Recurrence parse(String rrule) {
        // One grammar, the core's: biweekly's parser is lenient (it skips unknown parts and keeps
        // what it can read), so a rule the core would refuse must not be expanded by a reading of
        // its own. The core validated every stored rule; anything else is a programming error.
        if (RecurrenceRule.parse(rrule, "rrule", new Issues()) == null) {
            throw new IllegalArgumentException("not a recurrence rule the core accepts: " + rrule);
        }
        String value = rrule.regionMatches(true, 0, "RRULE:", 0, 6) ? rrule.substring(6) : rrule;
        ParseContext context = new ParseContext();
        context.setVersion(ICalVersion.V2_0);
        return SCRIBE.parseText(value, ICalDataType.RECUR, new ICalParameters(), context).getValue();
    }

    /**
     * A rule as the expansion needs it, shared by every thread: {@code open} is the rule without
     * COUNT and UNTIL (a built {@link Recurrence} is not changed by the iterators and hands out
     * copies of its date), {@code until} the raw UNTIL (immutable), and {@code untilBound} an
     * instant no occurrence of the series can start after, whatever its zone.
     */
    private record ParsedRule(Recurrence open, Integer count, DateTimeComponents until, Instant untilBound) {
        static ParsedRule of(Recurrence rule) {
            // COUNT and UNTIL are enforced by the expander: the iterator would apply them to its own
            // idea of the first instance and of UTC, and COUNT would forbid skipping ahead.
            Recurrence open = new Recurrence.Builder(rule).count(null).until((ICalDate) null).build();
            ICalDate until = rule.getUntil();
            if (until == null) {
                return new ParsedRule(open, rule.getCount(), null, null);
            }
            DateTimeComponents raw = until.getRawComponents() != null ? until.getRawComponents()
                    : new DateTimeComponents(until);
            Instant bound = raw.hasTime() && raw.isUtc()
                    ? utcInstant(raw)
                    // A local or date UNTIL names a wall-clock time or day in the series' zone, which
                    // is at most 18 hours behind UTC: two days after its date is safely past it.
                    : LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate()).plusDays(2)
                            .atStartOfDay(ZoneOffset.UTC).toInstant();
            return new ParsedRule(open, rule.getCount(), raw, bound);
        }
    }

    /** Identifies a series whose end only walking from DTSTART can tell (it has a COUNT). */
    private record SeriesKey(String rrule, Instant start, ZoneId zone, boolean allDay) {
    }

    private static Instant utcInstant(DateTimeComponents raw) {
        return LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(), raw.getHour(), raw.getMinute(),
                raw.getSecond()).toInstant(ZoneOffset.UTC);
    }

    /** How a series' starts map to the iterator's values and back. */
    private interface Placement {
        DateValue toValue(Instant instant);

        Instant toInstant(DateValue value);
    }

    private static final class AllDay implements Placement {
        @Override
        public DateValue toValue(Instant instant) {
            LocalDate d = LocalDate.ofInstant(instant, ZoneOffset.UTC);
            return new DateValueImpl(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }

        @Override
        public Instant toInstant(DateValue v) {
            return LocalDate.of(v.year(), v.month(), v.day()).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private static final class Timed implements Placement {
        private final ZoneId zone;

        Timed(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public DateValue toValue(Instant instant) {
            LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
            return new DateTimeValueImpl(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond());
        }

        @Override
        public Instant toInstant(DateValue v) {
            DateTimeValue t = (DateTimeValue) v;
            LocalDateTime local = LocalDateTime.of(v.year(), v.month(), v.day(), t.hour(), t.minute(), t.second());
            // ofLocal: a gap moves forward by its length, an overlap takes the earlier offset,
            // which is what RFC 5545 §3.3.5 prescribes.
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }
    }

    /** UNTIL, inclusive: a UTC time compares as an instant, a local time or a date in the zone. */
    private static final class Boundary {
        private final DateTimeComponents raw;
        private final Instant instant;
        private final ZoneId zone;

        Boundary(DateTimeComponents raw, ZoneId zone) {
            this.raw = raw;
            this.zone = zone;
            this.instant = raw.hasTime() && raw.isUtc() ? utcInstant(raw) : null;
        }

        boolean isBefore(DateValue value, Placement placement) {
            if (!(value instanceof DateTimeValue) || !raw.hasTime()) {
                LocalDate date = LocalDate.of(value.year(), value.month(), value.day());
                LocalDate last = instant != null ? LocalDate.ofInstant(instant, ZoneOffset.UTC)
                        : LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate());
                return date.isAfter(last);
            }
            Instant start = placement.toInstant(value);
            Instant last = instant != null ? instant
                    : ZonedDateTime.ofLocal(LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(),
                            raw.getHour(), raw.getMinute(), raw.getSecond()), zone, null).toInstant();
            return start.isAfter(last);
        }
    }
}

package org.agentworkspace.ics;

import static org.agentworkspace.ics.Fixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.port.out.Occurrence;
import org.junit.jupiter.api.Test;

class BiweeklyRecurrenceExpanderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private final BiweeklyRecurrenceExpander expander = new BiweeklyRecurrenceExpander();

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<LocalDateTime> local(List<Occurrence> occurrences, ZoneId zone) {
        return occurrences.stream().map(o -> LocalDateTime.ofInstant(o.start(), zone)).toList();
    }

    @Test
    void weeklySeriesStaysAtNineLocalAcrossBothDaylightSavingChanges() {
        // Sunday 2026-03-22 09:00 CET; Berlin moves to CEST on 03-29 and back on 10-25.
        EventData series = anEvent().between("2026-03-22T08:00:00Z", "2026-03-22T09:00:00Z")
                .withRrule("FREQ=WEEKLY").data();
        List<Occurrence> march = expander.occurrences(series, BERLIN, at("2026-03-20T00:00:00Z"), at("2026-04-06T00:00:00Z"), 10);
        assertThat(march).extracting(Occurrence::start).containsExactly(
                at("2026-03-22T08:00:00Z"), at("2026-03-29T07:00:00Z"), at("2026-04-05T07:00:00Z"));
        List<Occurrence> october = expander.occurrences(series, BERLIN, at("2026-10-17T00:00:00Z"), at("2026-11-02T00:00:00Z"), 10);
        assertThat(october).extracting(Occurrence::start).containsExactly(
                at("2026-10-18T07:00:00Z"), at("2026-10-25T08:00:00Z"), at("2026-11-01T08:00:00Z"));
        assertThat(local(october, BERLIN)).allSatisfy(t -> assertThat(t.toLocalTime()).hasToString("09:00"));
        assertThat(october).allSatisfy(o -> assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void nonexistentLocalTimeMovesForwardByTheGapAndAmbiguousTakesTheFirst() {
        // Daily 02:30 local: 2026-03-29 02:30 does not exist (→ 03:30 CEST), 2026-10-25 02:30 exists twice (→ CEST).
        EventData series = anEvent().between("2026-03-28T01:30:00Z", "2026-03-28T02:00:00Z").withRrule("FREQ=DAILY").data();
        assertThat(expander.occurrences(series, BERLIN, at("2026-03-29T00:00:00Z"), at("2026-03-30T00:00:00Z"), 5))
                .extracting(Occurrence::start).containsExactly(at("2026-03-29T01:30:00Z"));
        assertThat(expander.occurrences(series, BERLIN, at("2026-10-25T00:00:00Z"), at("2026-10-26T00:00:00Z"), 5))
                .extracting(Occurrence::start).containsExactly(at("2026-10-25T00:30:00Z"));
    }

    @Test
    void countLimitsTheSeriesIncludingTheFirst() {
        EventData series = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
                .withRrule("FREQ=DAILY;COUNT=3").data();
        assertThat(expander.occurrences(series, UTC, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 100))
                .extracting(Occurrence::start)
                .containsExactly(at("2026-03-02T09:00:00Z"), at("2026-03-03T09:00:00Z"), at("2026-03-04T09:00:00Z"));
    }

    @Test
    void untilIsInclusiveAndComparedAsAnInstant() {
        EventData series = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
                .withRrule("FREQ=WEEKLY;UNTIL=20260316T090000Z").data();
        assertThat(expander.occurrences(series, UTC, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 100))
                .extracting(Occurrence::start)
                .containsExactly(at("2026-03-02T09:00:00Z"), at("2026-03-09T09:00:00Z"), at("2026-03-16T09:00:00Z"));
    }

    @Test
    void windowInTheMiddleOfAnEndlessSeriesStartsAtTheWindow() {
        EventData series = anEvent().between("2020-01-06T09:00:00Z", "2020-01-06T09:15:00Z").withRrule("FREQ=DAILY").data();
        List<Occurrence> result = expander.occurrences(series, UTC, at("2026-06-10T12:00:00Z"), at("2026-06-13T12:00:00Z"), 100);
        assertThat(result).extracting(Occurrence::start)
                .containsExactly(at("2026-06-11T09:00:00Z"), at("2026-06-12T09:00:00Z"), at("2026-06-13T09:00:00Z"));
        assertThat(result.get(0).end()).isEqualTo(at("2026-06-11T09:15:00Z"));
    }

    @Test
    void windowDecadesAheadIsReachedWithoutWalkingEveryMinute() {
        EventData series = anEvent().between("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z").withRrule("FREQ=MINUTELY").data();
        List<Occurrence> result = expander.occurrences(series, UTC, at("2090-06-01T00:00:00Z"), at("2090-06-01T00:05:00Z"), 100);
        assertThat(result).hasSize(5);
        assertThat(result.get(0).start()).isEqualTo(at("2090-06-01T00:00:00Z"));
    }

    @Test
    void maxCapsADenseRuleOverAYear() {
        EventData series = anEvent().between("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z").withRrule("FREQ=SECONDLY").data();
        List<Occurrence> result = expander.occurrences(series, UTC, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 1000);
        assertThat(result).hasSize(1000);
        assertThat(result.get(999).start()).isEqualTo(at("2026-01-01T00:16:39Z"));
    }

    @Test
    void allDayMonthlyOnThe31stSkipsShortMonthsAndKeepsWholeDays() {
        EventData series = anEvent().allDay("2026-01-31", "2026-02-01").withRrule("FREQ=MONTHLY;BYMONTHDAY=31").data();
        List<Occurrence> result = expander.occurrences(series, BERLIN, at("2026-01-01T00:00:00Z"), at("2026-09-01T00:00:00Z"), 100);
        assertThat(result).extracting(o -> LocalDate.ofInstant(o.start(), ZoneOffset.UTC)).containsExactly(
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 5, 31),
                LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 31));
        assertThat(result).allSatisfy(o -> assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofDays(1)));
    }

    @Test
    void bydayListGivesEachListedWeekdayInOrder() {
        // Monday 2026-03-02 09:00 Berlin.
        EventData series = anEvent().between("2026-03-02T08:00:00Z", "2026-03-02T08:30:00Z")
                .withRrule("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=5").data();
        assertThat(local(expander.occurrences(series, BERLIN, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 100), BERLIN))
                .extracting(LocalDateTime::toString).containsExactly(
                        "2026-03-02T09:00", "2026-03-04T09:00", "2026-03-06T09:00", "2026-03-09T09:00", "2026-03-11T09:00");
    }

    @Test
    void firstStartCountsEvenWhenTheRuleWouldNotProduceIt() {
        // Tuesday start, rule names Mondays: RFC 5545 keeps DTSTART as the first instance.
        EventData series = anEvent().between("2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")
                .withRrule("FREQ=WEEKLY;BYDAY=MO;COUNT=2").data();
        assertThat(expander.occurrences(series, UTC, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 100))
                .extracting(Occurrence::start).containsExactly(at("2026-03-03T09:00:00Z"), at("2026-03-09T09:00:00Z"));
    }

    @Test
    void ruleNoDateSatisfiesEnds() {
        EventData series = anEvent().between("2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z")
                .withRrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30").data();
        assertThat(expander.occurrences(series, UTC, at("2026-01-02T00:00:00Z"), at("2100-01-01T00:00:00Z"), 100)).isEmpty();
    }

    @Test
    void singleEventIsItsOwnOccurrenceInsideTheWindowOnly() {
        EventData event = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z").data();
        assertThat(expander.occurrences(event, UTC, at("2026-03-01T00:00:00Z"), at("2026-03-03T00:00:00Z"), 10))
                .containsExactly(new Occurrence(at("2026-03-02T09:00:00Z"), at("2026-03-02T10:00:00Z")));
        assertThat(expander.occurrences(event, UTC, at("2026-03-02T09:00:01Z"), at("2026-03-03T00:00:00Z"), 10)).isEmpty();
    }

    @Test
    void seriesThatEndedBeforeTheWindowLeaveOnlyTheirFirstStartWhereItFalls() {
        // UNTIL before DTSTART: RFC 5545 still counts DTSTART, and nothing else.
        EventData odd = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
                .withRrule("FREQ=DAILY;UNTIL=20200101T000000Z").data();
        assertThat(expander.occurrences(odd, UTC, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), 10))
                .extracting(Occurrence::start).containsExactly(at("2026-03-02T09:00:00Z"));
        EventData ended = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
                .withRrule("FREQ=DAILY;UNTIL=20260310T090000Z").data();
        assertThat(expander.occurrences(ended, BERLIN, at("2026-03-10T09:00:01Z"), at("2026-04-01T00:00:00Z"), 10)).isEmpty();
        assertThat(expander.occurrences(ended, BERLIN, at("2026-03-10T00:00:00Z"), at("2026-04-01T00:00:00Z"), 10))
                .extracting(Occurrence::start).containsExactly(at("2026-03-10T09:00:00Z"));
    }

    @Test
    void aRuleIsParsedOnceForEverySeriesThatUsesIt() {
        BiweeklyRecurrenceExpander fresh = new BiweeklyRecurrenceExpander();
        for (int day = 1; day <= 20; day++) {
            EventData series = anEvent().between("2026-03-%02dT09:00:00Z".formatted(day), "2026-03-%02dT10:00:00Z".formatted(day))
                    .withRrule("FREQ=WEEKLY;BYDAY=MO,WE").data();
            assertThat(fresh.occurrences(series, BERLIN, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), 100)).isNotEmpty();
        }
        assertThat(fresh.cachedRules()).isEqualTo(1);
    }

    @Test
    void theEndOfACountSeriesIsRememberedOnceAWalkReachedIt() {
        BiweeklyRecurrenceExpander fresh = new BiweeklyRecurrenceExpander();
        EventData series = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z").withRrule("FREQ=DAILY;COUNT=5").data();

        // A window that ends before the series does cannot tell where it ends.
        assertThat(fresh.occurrences(series, UTC, at("2026-03-01T00:00:00Z"), at("2026-03-03T00:00:00Z"), 100)).hasSize(1);
        assertThat(fresh.cachedSeriesEnds()).isZero();

        assertThat(fresh.occurrences(series, UTC, at("2026-05-01T00:00:00Z"), at("2026-06-01T00:00:00Z"), 100)).isEmpty();
        assertThat(fresh.cachedSeriesEnds()).isEqualTo(1);
        assertThat(fresh.occurrences(series, UTC, at("2026-03-06T00:00:00Z"), at("2026-06-01T00:00:00Z"), 100))
                .extracting(Occurrence::start).containsExactly(at("2026-03-06T09:00:00Z"));
        assertThat(fresh.occurrences(series, UTC, at("2026-03-06T09:00:01Z"), at("2026-06-01T00:00:00Z"), 100)).isEmpty();
    }

    @Test
    void cachesStayWithinTheirBounds() {
        BiweeklyRecurrenceExpander small = new BiweeklyRecurrenceExpander(3, 2);
        for (int count = 2; count < 12; count++) {
            EventData series = anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
                    .withRrule("FREQ=DAILY;COUNT=" + count).data();
            assertThat(small.occurrences(series, UTC, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 100)).hasSize(count);
            assertThat(small.cachedRules()).isBetween(1, 3);
            assertThat(small.cachedSeriesEnds()).isBetween(1, 2);
        }
    }

    /**
     * The shortcuts (cached rules, remembered ends, UNTIL before the window) must never change an
     * answer: one expander that has seen every earlier window answers exactly as a new one.
     */
    @Test
    void aWarmExpanderAnswersEveryWindowAsAColdOneDoes() {
        List<EventData> series = List.of(
                anEvent().between("2026-03-02T08:00:00Z", "2026-03-02T08:30:00Z").withRrule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8").data(),
                anEvent().between("2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z").withRrule("FREQ=WEEKLY;BYDAY=MO;COUNT=3").data(),
                anEvent().between("2026-03-28T01:30:00Z", "2026-03-28T02:00:00Z").withRrule("FREQ=DAILY;COUNT=5").data(),
                anEvent().between("2026-01-31T09:00:00Z", "2026-01-31T10:00:00Z").withRrule("FREQ=MONTHLY;COUNT=12").data(),
                anEvent().allDay("2026-01-31", "2026-02-01").withRrule("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4").data(),
                anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z").withRrule("FREQ=WEEKLY;UNTIL=20260316T090000Z").data(),
                anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z").withRrule("FREQ=DAILY;UNTIL=20260320T100000").data(),
                anEvent().between("2026-10-20T22:30:00Z", "2026-10-20T23:00:00Z").withRrule("FREQ=DAILY;UNTIL=20261027").data(),
                anEvent().allDay("2026-02-27", "2026-02-28").withRrule("FREQ=YEARLY;COUNT=3").data(),
                anEvent().between("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z").withRrule("FREQ=WEEKLY;INTERVAL=2").data(),
                anEvent().between("2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z").withRrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3").data());
        BiweeklyRecurrenceExpander warm = new BiweeklyRecurrenceExpander();
        java.util.Random random = new java.util.Random(23);
        Instant origin = at("2025-12-01T00:00:00Z");
        for (int i = 0; i < 600; i++) {
            EventData s = series.get(i % series.size());
            ZoneId zone = i % 3 == 0 ? UTC : BERLIN;
            Instant from = origin.plus(Duration.ofHours(random.nextInt(24 * 500)));
            Instant before = from.plus(Duration.ofHours(1 + random.nextInt(24 * 40)));
            int max = 1 + random.nextInt(20);
            assertThat(warm.occurrences(s, zone, from, before, max)).as("%s in %s, %s to %s, max %d", s.rrule(), zone, from, before, max)
                    .isEqualTo(new BiweeklyRecurrenceExpander().occurrences(s, zone, from, before, max));
        }
    }
}

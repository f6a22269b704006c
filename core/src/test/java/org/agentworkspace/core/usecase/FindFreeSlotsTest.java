package org.agentworkspace.core.usecase;

import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.agentworkspace.core.builders.AgentInputBuilder;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.Issue;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.FindFreeSlots;
import org.agentworkspace.core.port.in.FindFreeSlots.SlotQuery;
import org.agentworkspace.core.port.in.KeyInput;
import org.agentworkspace.core.port.in.NewAgent;
import org.junit.jupiter.api.Test;

/**
 * Free slots from free/busy: the window minus busy time, per local day's hours in the agent's zone
 * (DST days of 23 and 25 hours, hours a spring-forward night skips, the repeated hour of a fall-back
 * night), events running into the window, across day boundaries, recurring series, and the
 * validation an agent learns from.
 */
class FindFreeSlotsTest {
    private final Scenario scenario = new Scenario();
    private final UserPrincipal owner = scenario.user("user_slots");
    private final NewAgent berlinAgent = agent("Berlin", "Europe/Berlin");
    private final AgentPrincipal berlin = scenario.principalOf(berlinAgent);
    private final AgentPrincipal newYork = scenario.principalOf(agent("NewYork", "America/New_York"));
    private final FindFreeSlots slots = scenario.ws.useCases.findFreeSlots();

    // ---- the window minus busy time

    @Test
    void theDaysHoursMinusEventsLeaveTheGapsThatAreLongEnough() {
        event(berlin, "2026-06-15T10:00:00+02:00", "2026-06-15T11:00:00+02:00");
        event(berlin, "2026-06-15T11:00:00+02:00", "2026-06-15T11:30:00+02:00");
        event(berlin, "2026-06-15T14:00:00+02:00", "2026-06-15T15:00:00+02:00");

        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-16T00:00:00+02:00", 30, "09:00", "17:00"))
                .containsExactly("2026-06-15T07:00:00Z/2026-06-15T08:00:00Z",
                        "2026-06-15T09:30:00Z/2026-06-15T12:00:00Z",
                        "2026-06-15T13:00:00Z/2026-06-15T15:00:00Z");
        // A gap exactly as long as asked for counts; shorter ones do not.
        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-16T00:00:00+02:00", 120, "09:00", "17:00"))
                .containsExactly("2026-06-15T09:30:00Z/2026-06-15T12:00:00Z",
                        "2026-06-15T13:00:00Z/2026-06-15T15:00:00Z");
        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-16T00:00:00+02:00", 121, "09:00", "17:00"))
                .containsExactly("2026-06-15T09:30:00Z/2026-06-15T12:00:00Z");
    }

    @Test
    void withoutDayHoursTheWholeWindowCountsAndASlotMayRunPastMidnight() {
        event(berlin, "2026-06-15T10:00:00+02:00", "2026-06-15T22:00:00+02:00");
        event(berlin, "2026-06-16T08:00:00+02:00", "2026-06-16T09:00:00+02:00");

        assertThat(free(berlin, "2026-06-15T09:00:00+02:00", "2026-06-16T12:00:00+02:00", 60, null, null))
                .containsExactly("2026-06-15T07:00:00Z/2026-06-15T08:00:00Z",
                        "2026-06-15T20:00:00Z/2026-06-16T06:00:00Z",
                        "2026-06-16T07:00:00Z/2026-06-16T10:00:00Z");
        // 00:00 to 24:00 is the same as no hours: touching days join.
        assertThat(free(berlin, "2026-06-15T09:00:00+02:00", "2026-06-16T12:00:00+02:00", 60, "00:00", "24:00"))
                .isEqualTo(free(berlin, "2026-06-15T09:00:00+02:00", "2026-06-16T12:00:00+02:00", 60, null, null));
    }

    @Test
    void theWindowsEdgesCutSlotsAndAnEventRunningIntoTheWindowIsBusy() {
        // Starts before start_after, so free/busy of the window alone does not list it.
        event(berlin, "2026-06-15T08:00:00+02:00", "2026-06-15T10:00:00+02:00");
        // A week-long all-day event that began long before the window.
        allDay(berlin, "2026-06-01", "2026-06-08");

        assertThat(free(berlin, "2026-06-15T09:00:00+02:00", "2026-06-15T12:00:00+02:00", 30, "09:00", "17:00"))
                .containsExactly("2026-06-15T08:00:00Z/2026-06-15T10:00:00Z");
        assertThat(free(berlin, "2026-06-15T10:30:00+02:00", "2026-06-15T11:00:00+02:00", 30, null, null))
                .containsExactly("2026-06-15T08:30:00Z/2026-06-15T09:00:00Z");
        assertThat(free(berlin, "2026-06-15T10:30:00+02:00", "2026-06-15T11:00:00+02:00", 31, null, null)).isEmpty();
        assertThat(free(berlin, "2026-06-05T00:00:00+02:00", "2026-06-09T00:00:00+02:00", 60, null, null))
                .containsExactly("2026-06-07T22:00:00Z/2026-06-08T22:00:00Z");
    }

    @Test
    void busyTimeAcrossMidnightTakesFromBothDays() {
        event(berlin, "2026-06-15T16:00:00+02:00", "2026-06-16T10:00:00+02:00");

        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-17T00:00:00+02:00", 30, "09:00", "17:00"))
                .containsExactly("2026-06-15T07:00:00Z/2026-06-15T14:00:00Z",
                        "2026-06-16T08:00:00Z/2026-06-16T15:00:00Z");
    }

    @Test
    void anAllDayEventIsBusyFromMidnightToMidnightInTheAgentsZone() {
        allDay(berlin, "2026-06-16", "2026-06-17");

        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-18T00:00:00+02:00", 30, "08:00", "18:00"))
                .containsExactly("2026-06-15T06:00:00Z/2026-06-15T16:00:00Z",
                        "2026-06-17T06:00:00Z/2026-06-17T16:00:00Z");
    }

    @Test
    void aDurationLongerThanTheWindowFindsNothing() {
        assertThat(free(berlin, "2026-06-15T09:00:00+02:00", "2026-06-15T09:30:00+02:00", 31, null, null)).isEmpty();
    }

    // ---- recurring busy time

    @Test
    void eachOccurrenceOfASeriesIsBusyAtItsWallClockTimeAndACancelledOneIsFree() {
        Event lunch = event(berlin, "2026-03-27T12:00:00+01:00", "2026-03-27T13:00:00+01:00",
                "FREQ=DAILY;COUNT=5", "Europe/Berlin");
        scenario.ws.useCases.cancelOccurrence().cancel(berlin, lunch.id().toString(), "2026-03-30T10:00:00Z",
                OptionalLong.empty());

        assertThat(free(berlin, "2026-03-27T00:00:00+01:00", "2026-04-01T00:00:00+02:00", 60, "09:00", "17:00"))
                .containsExactly(
                        "2026-03-27T08:00:00Z/2026-03-27T11:00:00Z", "2026-03-27T12:00:00Z/2026-03-27T16:00:00Z",
                        "2026-03-28T08:00:00Z/2026-03-28T11:00:00Z", "2026-03-28T12:00:00Z/2026-03-28T16:00:00Z",
                        // DST began in the night: the series keeps 12:00 local, the day's hours too.
                        "2026-03-29T07:00:00Z/2026-03-29T10:00:00Z", "2026-03-29T11:00:00Z/2026-03-29T15:00:00Z",
                        "2026-03-30T07:00:00Z/2026-03-30T15:00:00Z",
                        "2026-03-31T07:00:00Z/2026-03-31T10:00:00Z", "2026-03-31T11:00:00Z/2026-03-31T15:00:00Z");
    }

    // ---- DST in Europe/Berlin

    @Test
    void theSpringForwardDayInBerlinHas23HoursAndTheFallBackDay25() {
        String spring = free(berlin, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 60, "00:00", "24:00")
                .get(0);
        assertThat(spring).isEqualTo("2026-03-28T23:00:00Z/2026-03-29T22:00:00Z");
        assertThat(length(spring)).isEqualTo(Duration.ofHours(23));
        assertThat(free(berlin, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 1440, null, null)).isEmpty();

        List<String> autumn = free(berlin, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 1440, null, null);
        assertThat(autumn).containsExactly("2026-10-24T22:00:00Z/2026-10-25T23:00:00Z");
        assertThat(length(autumn.get(0))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void workingHoursKeepTheirLocalTimeAcrossTheChangeInBerlin() {
        assertThat(free(berlin, "2026-03-28T00:00:00+01:00", "2026-03-31T00:00:00+02:00", 60, "09:00", "17:00"))
                .containsExactly("2026-03-28T08:00:00Z/2026-03-28T16:00:00Z",
                        "2026-03-29T07:00:00Z/2026-03-29T15:00:00Z",
                        "2026-03-30T07:00:00Z/2026-03-30T15:00:00Z");
        assertThat(free(berlin, "2026-10-24T00:00:00+02:00", "2026-10-27T00:00:00+01:00", 60, "09:00", "17:00"))
                .containsExactly("2026-10-24T07:00:00Z/2026-10-24T15:00:00Z",
                        "2026-10-25T08:00:00Z/2026-10-25T16:00:00Z",
                        "2026-10-26T08:00:00Z/2026-10-26T16:00:00Z");
    }

    @Test
    void aDayStartInTheSkippedHourMeansTheMomentTheClockJumps() {
        // 2026-03-29 in Berlin: 02:00 CET jumps to 03:00 CEST (01:00Z); 02:30 never happens.
        assertThat(free(berlin, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 60, "02:30", "04:00"))
                .containsExactly("2026-03-29T01:00:00Z/2026-03-29T02:00:00Z");
        // Hours wholly inside the skipped hour are no time at all that day, but are the next day.
        assertThat(free(berlin, "2026-03-29T00:00:00+01:00", "2026-03-31T00:00:00+02:00", 10, "02:10", "02:50"))
                .containsExactly("2026-03-30T00:10:00Z/2026-03-30T00:50:00Z");
        // A day_end in the skipped hour ends the day's range at the jump.
        assertThat(free(berlin, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 60, "01:00", "02:30"))
                .containsExactly("2026-03-29T00:00:00Z/2026-03-29T01:00:00Z");
    }

    @Test
    void inTheRepeatedHourDayStartIsTheFirstPassAndDayEndTheSecond() {
        // 2026-10-25 in Berlin: 03:00 CEST falls back to 02:00 CET (01:00Z); 02:00-03:00 happens twice.
        assertThat(free(berlin, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 60, "02:30", "02:45"))
                .containsExactly("2026-10-25T00:30:00Z/2026-10-25T01:45:00Z");
    }

    // ---- DST in America/New_York

    @Test
    void newYorkDaysOf23And25HoursAndItsWorkingHours() {
        assertThat(free(newYork, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 60, "00:00", "24:00"))
                .containsExactly("2026-03-08T05:00:00Z/2026-03-09T04:00:00Z");
        assertThat(free(newYork, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 1440, null, null))
                .containsExactly("2026-11-01T04:00:00Z/2026-11-02T05:00:00Z");
        assertThat(free(newYork, "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 60, "09:00", "17:00"))
                .containsExactly("2026-03-07T14:00:00Z/2026-03-07T22:00:00Z",
                        "2026-03-08T13:00:00Z/2026-03-08T21:00:00Z");
    }

    @Test
    void newYorksSkippedAndRepeatedHours() {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
        assertThat(free(newYork, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 30, "02:15", "03:30"))
                .containsExactly("2026-03-08T07:00:00Z/2026-03-08T07:30:00Z");
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00Z); 01:00-02:00 happens twice.
        assertThat(free(newYork, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 30, "01:30", "01:45"))
                .containsExactly("2026-11-01T05:30:00Z/2026-11-01T06:45:00Z");
        // An event in the first pass leaves the second pass free.
        event(newYork, "2026-11-01T01:00:00-04:00", "2026-11-01T02:00:00-04:00");
        assertThat(free(newYork, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 30, "01:00", "02:00"))
                .containsExactly("2026-11-01T06:00:00Z/2026-11-01T07:00:00Z");
    }

    // ---- only the agent's own time

    @Test
    void anotherAgentsEventsOfTheSameOwnerDoNotMakeThisOneBusy() {
        AgentPrincipal other = scenario.principalOf(agent("Other", "Europe/Berlin"));
        event(other, "2026-06-15T10:00:00+02:00", "2026-06-15T11:00:00+02:00");

        assertThat(free(berlin, "2026-06-15T09:00:00+02:00", "2026-06-15T12:00:00+02:00", 30, null, null))
                .containsExactly("2026-06-15T07:00:00Z/2026-06-15T10:00:00Z");
    }

    @Test
    void aKeyWithoutEventsReadIsRefusedBeforeAnyValidationAndASuspendedAgentToo() {
        String key = scenario.ws.useCases.createApiKey().create(owner, berlinAgent.agent().id().toString(),
                new KeyInput(Field.of("docs"), Field.of(List.of("docs:read")), Field.absent())).secret().reveal();
        AgentPrincipal docsOnly = scenario.ws.useCases.authenticateAgent().authenticate(key);

        ScopeMissing missing = catchThrowableOfType(ScopeMissing.class,
                () -> slots.find(docsOnly, new SlotQuery(null, null, null, null, null)));
        assertThat(missing.getMessage()).isEqualTo("This key lacks the scope events:read");

        NewAgent sleeper = agent("Sleeper", "Europe/Berlin");
        scenario.ws.useCases.updateAgent().update(owner, sleeper.agent().id().toString(),
                new AgentInput(Field.absent(), Field.absent(), Field.absent(), Field.of("suspended")));
        AgentPrincipal suspended = scenario.principalOf(sleeper);
        assertThat(catchThrowableOfType(AgentSuspended.class, () -> slots.find(suspended,
                new SlotQuery("2026-06-15T09:00:00Z", "2026-06-15T12:00:00Z", "30", null, null)))).isNotNull();
    }

    // ---- validation that teaches

    @Test
    void everyMissingArgumentIsNamedAtOnce() {
        assertThat(issues(new SlotQuery(null, null, null, null, null))).extracting(Issue::path)
                .containsExactly("start_after", "start_before", "duration_minutes");
    }

    @Test
    void theDurationIsAWholeNumberOfMinutesFrom1To1440() {
        for (String bad : List.of("0", "1441", "abc", "-5", "30.5", "99999")) {
            List<Issue> issues = issues(query("2026-06-15T09:00:00Z", "2026-06-15T12:00:00Z", bad, null, null));
            assertThat(issues).as(bad).extracting(Issue::path).containsExactly("duration_minutes");
            assertThat(issues.get(0).message()).contains("from 1 to 1440", "e.g. 30");
        }
        assertThat(free(berlin, "2026-06-15T00:00:00Z", "2026-06-16T00:00:00Z", 1440, null, null)).hasSize(1);
        assertThat(free(berlin, "2026-06-15T00:00:00Z", "2026-06-15T00:01:00Z", 1, null, null)).hasSize(1);
    }

    @Test
    void theWindowMustBeForwardAndAtMost366Days() {
        assertThat(issues(query("2026-06-15T09:00:00Z", "2026-06-15T09:00:00Z", "30", null, null)))
                .containsExactly(new Issue("start_before", "start_before must be after start_after"));
        assertThat(issues(query("2026-06-15T09:00:00Z", "2026-06-15T08:00:00Z", "30", null, null)))
                .extracting(Issue::path).containsExactly("start_before");
        assertThat(issues(query("2026-01-01T00:00:00Z", "2027-01-03T00:00:00Z", "30", null, null)))
                .containsExactly(new Issue("start_before", "the window may span at most 366 days"));
        assertThat(issues(query("tomorrow", "2026-06-15T08:00:00Z", "30", null, null)))
                .extracting(Issue::path).containsExactly("start_after");
        assertThat(free(berlin, "2026-01-01T00:00:00Z", "2027-01-02T00:00:00Z", 30, null, null))
                .containsExactly("2026-01-01T00:00:00Z/2027-01-02T00:00:00Z");
    }

    @Test
    void dayHoursAreLocalTimesWithTheEndAfterTheStart() {
        String after = "2026-06-15T00:00:00Z";
        String before = "2026-06-16T00:00:00Z";
        assertThat(issues(query(after, before, "30", "9:00", "25:00"))).extracting(Issue::path)
                .containsExactly("day_start", "day_end");
        assertThat(issues(query(after, before, "30", "09:60", null))).extracting(Issue::path).containsExactly("day_start");
        assertThat(issues(query(after, before, "30", "24:00", null))).extracting(Issue::path).containsExactly("day_start");
        List<Issue> backwards = issues(query(after, before, "30", "17:00", "09:00"));
        assertThat(backwards).extracting(Issue::path).containsExactly("day_end");
        assertThat(backwards.get(0).message()).contains("after day_start", "across midnight");
        assertThat(issues(query(after, before, "30", null, "00:00"))).extracting(Issue::path).containsExactly("day_end");
        assertThat(issues(query(after, before, "x", "bad", "17:00"))).extracting(Issue::path)
                .contains("duration_minutes", "day_start");
        // Either bound alone: the other is the day's midnight.
        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-16T00:00:00+02:00", 30, "20:00", null))
                .containsExactly("2026-06-15T18:00:00Z/2026-06-15T22:00:00Z");
        assertThat(free(berlin, "2026-06-15T00:00:00+02:00", "2026-06-16T00:00:00+02:00", 30, null, "06:00"))
                .containsExactly("2026-06-14T22:00:00Z/2026-06-15T04:00:00Z");
    }

    // ---- helpers

    private NewAgent agent(String name, String zone) {
        return scenario.ws.useCases.createAgent().create(owner,
                AgentInputBuilder.anAgent().withName(name).withTimezone(zone).build());
    }

    private Event event(AgentPrincipal agent, String start, String end) {
        return scenario.ws.useCases.createEvent().create(agent, anEvent().withStart(start).withEnd(end).build());
    }

    private Event event(AgentPrincipal agent, String start, String end, String rrule, String zone) {
        return scenario.ws.useCases.createEvent().create(agent, anEvent().withStart(start).withEnd(end)
                .withRrule(rrule).withTimezone(zone).build());
    }

    private void allDay(AgentPrincipal agent, String first, String endExclusive) {
        scenario.ws.useCases.createEvent().create(agent, anEvent().withStart(first).withEnd(endExclusive)
                .withAllDay(true).build());
    }

    /** The free slots as {@code start/end} in UTC. */
    private List<String> free(AgentPrincipal agent, String after, String before, int minutes, String dayStart,
                              String dayEnd) {
        return slots.find(agent, query(after, before, String.valueOf(minutes), dayStart, dayEnd)).free().stream()
                .map(s -> s.start() + "/" + s.end())
                .toList();
    }

    private static SlotQuery query(String after, String before, String minutes, String dayStart, String dayEnd) {
        return new SlotQuery(after, before, minutes, dayStart, dayEnd);
    }

    private List<Issue> issues(SlotQuery query) {
        return catchThrowableOfType(ValidationFailed.class, () -> slots.find(berlin, query)).issues();
    }

    private static Duration length(String slot) {
        String[] parts = slot.split("/");
        return Duration.between(Instant.parse(parts[0]), Instant.parse(parts[1]));
    }
}

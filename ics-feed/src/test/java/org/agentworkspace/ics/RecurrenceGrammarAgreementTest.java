package org.agentworkspace.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.Issues;
import org.agentworkspace.core.domain.RecurrenceRule;
import org.agentworkspace.core.domain.WorkspaceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * One RRULE grammar, the core's: the same corpus goes to {@link RecurrenceRule} and to the
 * expander. Every rule the core accepts expands; every rule it refuses, the expander refuses too
 * (it does not expand a rule of its own reading, as biweekly's lenient parser would), and the
 * expander never answers with a core validation error.
 */
class RecurrenceGrammarAgreementTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    static final List<String> VALID = List.of(
            "FREQ=DAILY", "FREQ=DAILY;COUNT=5", "FREQ=DAILY;UNTIL=20270101T000000Z", "FREQ=DAILY;UNTIL=20270101",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", "RRULE:FREQ=WEEKLY;BYDAY=TU",
            "freq=weekly;byday=mo", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYMONTHDAY=1,15,-1",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "FREQ=YEARLY;BYYEARDAY=100", "FREQ=HOURLY;INTERVAL=6;COUNT=10",
            "FREQ=MINUTELY;INTERVAL=30;COUNT=4", "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30");

    static final List<String> INVALID = List.of(
            "", "COUNT=3", "FREQ=FORTNIGHTLY", "FREQ=DAILY;COUNT=0", "FREQ=DAILY;COUNT=2;UNTIL=20270101",
            "FREQ=DAILY;BYHOUR=24", "FREQ=WEEKLY;BYDAY=XX", "FREQ=DAILY;FOO=1", "FREQ=DAILY;;",
            "FREQ=DAILY;INTERVAL=-1", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=DAILY;BYWEEKNO=1",
            "FREQ=WEEKLY;BYDAY=1MO", "FREQ=DAILY;FREQ=WEEKLY", "FREQ=DAILY;UNTIL=2027-01-01", "FREQ=DAILY;WKST=XX",
            "FREQ=DAILY;BYMONTH=13", "FREQ=YEARLY;BYYEARDAY=367", "FREQ=DAILY;RSCALE=GREGORIAN");

    private final BiweeklyRecurrenceExpander expander = new BiweeklyRecurrenceExpander();

    private static boolean coreAccepts(String rule) {
        return RecurrenceRule.parse(rule, "rrule", new Issues()) != null;
    }

    private List<?> expand(String rule) {
        EventData series = new EventData("series", START, START.plus(1, ChronoUnit.HOURS), false, null, null, rule,
                null, null);
        return expander.occurrences(series, ZoneId.of("Europe/Berlin"), START, START.plus(400, ChronoUnit.DAYS), 50);
    }

    @ParameterizedTest
    @FieldSource("VALID")
    void aRuleTheCoreAcceptsExpands(String rule) {
        assertThat(coreAccepts(rule)).as("core accepts " + rule).isTrue();
        // DTSTART always counts (RFC 5545 §3.3.10), so every accepted rule yields at least it.
        assertThat(expand(rule)).as(rule).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("INVALID")
    void aRuleTheCoreRefusesTheExpanderRefusesToo(String rule) {
        assertThat(coreAccepts(rule)).as("core refuses " + rule).isFalse();
        assertThatThrownBy(() -> expand(rule)).as(rule)
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(WorkspaceException.class);
    }

    @ParameterizedTest
    @FieldSource({"VALID", "INVALID"})
    void theExpanderNeverAnswersWithACoreValidationError(String rule) {
        assertThatCode(() -> {
            try {
                expand(rule);
            } catch (IllegalArgumentException refused) {
                // the port's contract: a rule the core did not accept is a programming error
            }
        }).doesNotThrowAnyException();
    }
}

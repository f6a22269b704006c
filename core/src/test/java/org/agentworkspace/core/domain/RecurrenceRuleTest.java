package org.agentworkspace.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecurrenceRuleTest {

    private static RecurrenceRule accepted(String text) {
        Issues issues = new Issues();
        RecurrenceRule rule = RecurrenceRule.parse(text, "rrule", issues);
        assertThat(issues.asList()).isEmpty();
        return rule;
    }

    private static List<String> refused(String text) {
        Issues issues = new Issues();
        assertThat(RecurrenceRule.parse(text, "rrule", issues)).isNull();
        assertThat(issues.asList()).isNotEmpty().allSatisfy(i -> assertThat(i.path()).isEqualTo("rrule"));
        return issues.asList().stream().map(Issue::message).toList();
    }

    @Test
    void prefix_is_optional_and_the_value_is_normalised() {
        assertThat(accepted("RRULE:FREQ=DAILY").value()).isEqualTo("FREQ=DAILY");
        assertThat(accepted("rrule:freq=weekly;interval=2;byday=mo,fr").value())
                .isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR");
        assertThat(accepted("  FREQ=MONTHLY;BYDAY=-1FR ").value()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY", "FREQ=DAILY", "FREQ=WEEKLY",
            "FREQ=MONTHLY", "FREQ=YEARLY", "FREQ=DAILY;COUNT=1", "FREQ=DAILY;UNTIL=20261231",
            "FREQ=DAILY;UNTIL=20261231T235959Z", "FREQ=DAILY;UNTIL=20261231T235959", "FREQ=WEEKLY;WKST=SU;BYDAY=SU,SA",
            "FREQ=YEARLY;BYMONTH=1,12;BYMONTHDAY=1,31,-31", "FREQ=YEARLY;BYYEARDAY=1,366,-366",
            "FREQ=YEARLY;BYWEEKNO=1,53,-53", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "FREQ=DAILY;BYHOUR=0,23;BYMINUTE=0,59;BYSECOND=0,60", "FREQ=YEARLY;BYDAY=20MO,53SU,-53FR",
            "FREQ=MONTHLY;BYDAY=5MO,-5TU", "FREQ=DAILY;INTERVAL=1"})
    void rules_within_rfc_5545_are_accepted(String rule) {
        accepted(rule);
    }

    @Test
    void freq_is_required_and_known() {
        assertThat(refused("COUNT=3")).containsExactly("rrule must have FREQ, e.g. FREQ=DAILY");
        assertThat(refused("FREQ=FORTNIGHTLY")).containsExactly(
                "rrule FREQ must be one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY");
    }

    @Test
    void unknown_repeated_and_malformed_parts_are_refused() {
        assertThat(refused("FREQ=DAILY;RSCALE=GREGORIAN")).singleElement().asString().startsWith("rrule has unknown part RSCALE");
        assertThat(refused("FREQ=DAILY;FREQ=WEEKLY")).containsExactly("rrule must not repeat FREQ");
        assertThat(refused("FREQ=DAILY;;COUNT=2")).singleElement().asString().contains("must be NAME=VALUE");
        assertThat(refused("FREQ=")).singleElement().asString().contains("must be NAME=VALUE");
        assertThat(refused("")).singleElement().asString().startsWith("rrule must not be empty");
        assertThat(refused("FREQ=DAILY\nEXDATE=20260101")).isNotEmpty();
    }

    @Test
    void count_and_until_exclude_each_other() {
        assertThat(refused("FREQ=DAILY;COUNT=3;UNTIL=20261231")).containsExactly("rrule must not have both COUNT and UNTIL");
    }

    @ParameterizedTest
    @CsvSource({"COUNT,0", "COUNT,-1", "COUNT,x", "INTERVAL,0", "INTERVAL,-2", "INTERVAL,1.5"})
    void count_and_interval_are_at_least_one(String part, String value) {
        assertThat(refused("FREQ=DAILY;" + part + "=" + value))
                .containsExactly("rrule " + part + " must be a whole number of at least 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026123", "20261331", "20261231T2400000Z", "2026-12-31", "18991231", "22000101"})
    void until_must_be_a_date_or_utc_date_time_in_range(String until) {
        assertThat(refused("FREQ=DAILY;UNTIL=" + until)).singleElement().asString().startsWith("rrule UNTIL must");
    }

    @ParameterizedTest
    @CsvSource({"BYSECOND,61", "BYSECOND,-1", "BYMINUTE,60", "BYHOUR,24", "BYMONTH,0", "BYMONTH,13",
            "BYMONTHDAY,0", "BYMONTHDAY,32", "BYMONTHDAY,-32", "BYYEARDAY,367", "BYYEARDAY,0", "BYWEEKNO,54",
            "BYWEEKNO,0", "BYSETPOS,0", "BYSETPOS,367", "BYMONTH,'1,'", "BYMONTH,','"})
    void by_parts_out_of_range_are_refused(String part, String value) {
        String freq = part.equals("BYWEEKNO") || part.equals("BYYEARDAY") ? "YEARLY" : "MONTHLY";
        String extra = part.equals("BYSETPOS") ? ";BYDAY=MO" : "";
        assertThat(refused("FREQ=" + freq + ";" + part + "=" + value + extra))
                .singleElement().asString().startsWith("rrule " + part + " values must be in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "MONDAY", "0MO", "54MO", "+MO", "1", "MO,"})
    void byday_must_name_weekdays(String byday) {
        assertThat(refused("FREQ=YEARLY;BYDAY=" + byday)).singleElement().asString().startsWith("rrule BYDAY values");
    }

    @Test
    void combinations_the_rfc_forbids_are_refused() {
        assertThat(refused("FREQ=WEEKLY;BYDAY=1MO")).singleElement().asString().contains("needs FREQ=MONTHLY or FREQ=YEARLY");
        assertThat(refused("FREQ=MONTHLY;BYDAY=6MO")).singleElement().asString().contains("1 to 5");
        assertThat(refused("FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO")).singleElement().asString().contains("BYWEEKNO");
        assertThat(refused("FREQ=MONTHLY;BYWEEKNO=1")).containsExactly("rrule BYWEEKNO needs FREQ=YEARLY");
        assertThat(refused("FREQ=WEEKLY;BYYEARDAY=1")).containsExactly("rrule BYYEARDAY must not be used with FREQ=WEEKLY");
        assertThat(refused("FREQ=WEEKLY;BYMONTHDAY=1")).containsExactly("rrule BYMONTHDAY must not be used with FREQ=WEEKLY");
        assertThat(refused("FREQ=DAILY;BYSETPOS=1")).containsExactly("rrule BYSETPOS needs another BY part such as BYDAY");
        assertThat(refused("FREQ=WEEKLY;WKST=XX")).containsExactly("rrule WKST must be one of SU, MO, TU, WE, TH, FR, SA");
    }
}

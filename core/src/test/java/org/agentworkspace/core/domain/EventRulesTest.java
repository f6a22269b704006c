package org.agentworkspace.core.domain;

import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.agentworkspace.core.builders.EventInputBuilder.noFields;
import static org.agentworkspace.core.builders.Strings.ofEmoji;
import static org.agentworkspace.core.builders.Strings.ofLength;
import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRulesTest {

    @Test
    void a_minimal_event_is_valid_and_not_all_day() {
        EventData data = EventRules.validate(anEvent().draft());
        assertThat(data.title()).isEqualTo("Standup");
        assertThat(data.start()).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(data.end()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(data.allDay()).isFalse();
        assertThat(data.rrule()).isNull();
    }

    @Test
    void title_of_1_and_500_characters_is_accepted() {
        assertThat(EventRules.validate(anEvent().withTitle("x").draft()).title()).isEqualTo("x");
        assertThat(EventRules.validate(anEvent().withTitle(ofLength(500)).draft()).title()).hasSize(500);
    }

    @Test
    void title_of_0_and_501_characters_is_refused() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle("").draft())))
                .containsExactly(new Issue("title", "title must be 1 to 500 characters"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle(ofLength(501)).draft())))
                .containsExactly(new Issue("title", "title must be 1 to 500 characters"));
    }

    @Test
    void title_length_counts_code_points_not_utf16_units() {
        assertThat(EventRules.validate(anEvent().withTitle(ofEmoji(500)).draft()).title()).isEqualTo(ofEmoji(500));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle(ofEmoji(501)).draft())))
                .extracting(Issue::path).containsExactly("title");
    }

    @Test
    void blank_title_is_refused() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle("   ").draft())))
                .containsExactly(new Issue("title", "title must not be blank"));
    }

    @Test
    void absent_null_and_wrong_typed_required_fields_say_so() {
        assertThat(issuesOf(() -> EventRules.validate(noFields().draft()))).containsExactly(
                new Issue("title", "title is required"),
                new Issue("start", "start is required"),
                new Issue("end", "end is required"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle(Field.ofNull()).draft())))
                .containsExactly(new Issue("title", "title must not be null"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle(Field.wrongType("a string")).draft())))
                .containsExactly(new Issue("title", "title must be a string"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withAllDay(Field.wrongType("a boolean")).draft())))
                .containsExactly(new Issue("allDay", "allDay must be a boolean"));
    }

    @Test
    void every_issue_is_reported_at_once() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle("").withStart("tomorrow")
                .withColor("red").withTimezone("Mars/Olympus").withRrule("FREQ=SOMETIMES").draft())))
                .extracting(Issue::path).containsExactly("title", "start", "color", "timezone", "rrule");
    }

    @Test
    void end_before_start_is_refused_and_equal_is_a_zero_length_event() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withStart("2026-01-15T10:00:00Z")
                .withEnd("2026-01-15T09:59:59Z").draft())))
                .containsExactly(new Issue("end", "end must not be before start"));
        EventData zero = EventRules.validate(anEvent().withStart("2026-01-15T10:00:00Z")
                .withEnd("2026-01-15T10:00:00Z").draft());
        assertThat(zero.end()).isEqualTo(zero.start());
    }

    @Test
    void offsets_are_accepted_and_stored_as_instants() {
        EventData data = EventRules.validate(anEvent().withStart("2026-01-15T11:00:00+02:00")
                .withEnd("2026-01-15T10:00:00Z").draft());
        assertThat(data.start()).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-15T09:00:00", "2026-01-15", "15.01.2026 09:00", "2026-13-01T00:00:00Z", ""})
    void a_timed_start_needs_a_date_time_with_offset(String start) {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withStart(start).draft())))
                .extracting(Issue::path).containsExactly("start");
    }

    @Test
    void a_date_alone_on_a_timed_event_hints_at_all_day() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withStart("2026-01-15").draft())))
                .extracting(Issue::message).singleElement().asString().contains("allDay: true");
    }

    @Test
    void years_1900_to_2199_are_accepted_and_outside_refused() {
        EventRules.validate(anEvent().withStart("1900-01-01T00:00:00Z").withEnd("2199-12-31T23:59:59Z").draft());
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withStart("1899-12-31T23:59:59Z").draft())))
                .containsExactly(new Issue("start", "start must lie in the years 1900 to 2199"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withEnd("2200-01-01T00:00:00Z").draft())))
                .containsExactly(new Issue("end", "end must lie in the years 1900 to 2199"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withEnd("+99999-01-01T00:00:00Z").draft())))
                .extracting(Issue::path).containsExactly("end");
    }

    @Test
    void all_day_takes_dates_and_utc_midnights_with_exclusive_end() {
        EventData data = EventRules.validate(anEvent().withAllDay(true).withStart("2026-03-02")
                .withEnd("2026-03-04T00:00:00Z").draft());
        assertThat(data.allDay()).isTrue();
        assertThat(data.start()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(data.end()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void all_day_end_equal_to_start_is_a_one_day_event() {
        EventData data = EventRules.validate(anEvent().withAllDay(true).withStart("2026-03-02")
                .withEnd("2026-03-02").draft());
        assertThat(data.endDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 3));
    }

    @Test
    void all_day_refuses_times_other_than_utc_midnight_and_end_before_start() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withAllDay(true).withStart("2026-03-02T09:00:00Z")
                .withEnd("2026-03-03").draft())))
                .containsExactly(new Issue("start", "start must be a date YYYY-MM-DD when allDay is true, e.g. 2026-03-02"));
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withAllDay(true).withStart("2026-03-02T00:00:00+01:00")
                .withEnd("2026-03-03").draft()))).extracting(Issue::path).containsExactly("start");
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withAllDay(true).withStart("2026-03-02")
                .withEnd("2026-03-01").draft())))
                .containsExactly(new Issue("end", "end must not be before start"));
    }

    @Test
    void description_up_to_5000_and_location_up_to_500() {
        EventData data = EventRules.validate(anEvent().withDescription(ofLength(5000)).withLocation(ofLength(500)).draft());
        assertThat(data.description()).hasSize(5000);
        assertThat(data.location()).hasSize(500);
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withDescription(ofLength(5001))
                .withLocation(ofLength(501)).draft()))).containsExactly(
                new Issue("description", "description must be at most 5000 characters"),
                new Issue("location", "location must be at most 500 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#1a73e8", "#FFFFFF", "#000000"})
    void color_as_hex_rgb_is_accepted(String color) {
        assertThat(EventRules.validate(anEvent().withColor(color).draft()).color()).isEqualTo(color);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "#fff", "#1a73e", "#1a73e80", "1a73e8", "#gggggg"})
    void other_colors_are_refused(String color) {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withColor(color).draft())))
                .containsExactly(new Issue("color", "color must be #rrggbb, e.g. #1a73e8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"})
    void iana_zones_are_accepted(String zone) {
        assertThat(EventRules.validate(anEvent().withTimezone(zone).draft()).timezone()).isEqualTo(ZoneId.of(zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "-05:00", "UTC+2", "GMT-03:00", "Z"})
    void offsets_are_refused_as_timezones_with_a_clear_message(String zone) {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTimezone(zone).draft())))
                .singleElement().satisfies(i -> {
                    assertThat(i.path()).isEqualTo("timezone");
                    assertThat(i.message()).startsWith("timezone must be an IANA zone id such as Europe/Berlin")
                            .contains("not a UTC offset");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "europe/berlin", "Berlin", ""})
    void unknown_zones_are_refused(String zone) {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTimezone(zone).draft())))
                .containsExactly(new Issue("timezone", "timezone must be an IANA zone id such as Europe/Berlin"));
    }

    @Test
    void rrule_is_stored_normalised_without_prefix() {
        assertThat(EventRules.validate(anEvent().withRrule("RRULE:freq=weekly;byday=mo,we").draft()).rrule())
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE");
    }

    @Test
    void null_clears_optional_fields() {
        EventData data = EventRules.validate(anEvent().withDescription(Field.ofNull()).withRrule(Field.ofNull())
                .withTimezone(Field.ofNull()).withAllDay(Field.ofNull()).draft());
        assertThat(data.description()).isNull();
        assertThat(data.rrule()).isNull();
        assertThat(data.timezone()).isNull();
        assertThat(data.allDay()).isFalse();
    }

    @Test
    void a_partial_update_keeps_absent_fields_and_validates_the_merged_whole() {
        EventData stored = EventRules.validate(anEvent().withDescription("agenda").withTimezone("Europe/Berlin")
                .withRrule("FREQ=DAILY").withColor("#123456").draft());
        EventData merged = EventRules.validate(noFields().withTitle("Retro").draft().over(stored));
        assertThat(merged).isEqualTo(new EventData("Retro", stored.start(), stored.end(), false, "agenda", null,
                "FREQ=DAILY", ZoneId.of("Europe/Berlin"), "#123456"));
        assertThat(issuesOf(() -> EventRules.validate(noFields().withStart("2026-01-15T11:00:00Z").draft().over(stored))))
                .containsExactly(new Issue("end", "end must not be before start"));
    }

    @Test
    void an_all_day_event_survives_an_update_that_does_not_touch_its_days() {
        EventData stored = EventRules.validate(anEvent().withAllDay(true).withStart("2026-03-02").withEnd("2026-03-02").draft());
        EventData merged = EventRules.validate(noFields().withTitle("Offsite").draft().over(stored));
        assertThat(merged.start()).isEqualTo(stored.start());
        assertThat(merged.end()).isEqualTo(stored.end());
        assertThat(merged.allDay()).isTrue();
    }

    @Test
    void null_on_a_required_field_in_an_update_is_an_issue() {
        EventData stored = EventRules.validate(anEvent().draft());
        assertThat(issuesOf(() -> EventRules.validate(noFields().withTitle(Field.ofNull()).draft().over(stored))))
                .containsExactly(new Issue("title", "title must not be null"));
    }
}

package org.agentworkspace.core.usecase;

import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.agentworkspace.core.builders.AgentInputBuilder;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Issue;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.out.TooManyOccurrences;
import org.junit.jupiter.api.Test;

class ListEventsExpansionTest {
    private final Scenario s = new Scenario();
    private final UserPrincipal alice = s.user("user_alice");
    private final NewAgent agent = s.ws.useCases.createAgent().create(alice,
            AgentInputBuilder.anAgent().withName("Atlas").withTimezone("America/New_York").build());
    private final AgentPrincipal atlas = s.principalOf(agent);

    private static EventQuery window(String after, String before, String limit, String offset) {
        return new EventQuery(after, before, limit, offset, "true");
    }

    @Test
    void series_expand_into_occurrences_merged_with_single_events_in_start_order() {
        Event daily = s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("daily")
                .withStart("2026-01-01T14:00:00Z").withEnd("2026-01-01T15:00:00Z").withRrule("FREQ=DAILY").build());
        Event single = s.ws.useCases.createEvent().create(atlas, anEvent().withTitle("single")
                .withStart("2026-01-11T12:00:00Z").withEnd("2026-01-11T13:00:00Z").build());
        List<Event> listed = s.ws.useCases.listEvents().list(atlas,
                window("2026-01-10T00:00:00Z", "2026-01-13T00:00:00Z", null, null));
        assertThat(listed).extracting(e -> e.data().title() + "@" + e.data().start()).containsExactly(
                "daily@2026-01-10T14:00:00Z", "single@2026-01-11T12:00:00Z", "daily@2026-01-11T14:00:00Z",
                "daily@2026-01-12T14:00:00Z");
        assertThat(listed.get(0).id()).isEqualTo(daily.id());
        assertThat(listed.get(0).data().end()).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(listed.get(1)).isEqualTo(single);
    }

    @Test
    void limit_and_offset_count_occurrences() {
        s.ws.useCases.createEvent().create(atlas, anEvent().withStart("2026-01-01T14:00:00Z")
                .withEnd("2026-01-01T15:00:00Z").withRrule("FREQ=DAILY").build());
        assertThat(s.ws.useCases.listEvents().list(atlas, window("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2", "3")))
                .extracting(e -> e.data().start()).containsExactly(
                        Instant.parse("2026-01-04T14:00:00Z"), Instant.parse("2026-01-05T14:00:00Z"));
    }

    @Test
    void a_series_without_timezone_recurs_in_the_agents_zone() {
        s.ws.useCases.createEvent().create(atlas, anEvent().withRrule("FREQ=WEEKLY").build());
        s.ws.useCases.createEvent().create(atlas, anEvent().withRrule("FREQ=WEEKLY").withTimezone("Asia/Tokyo").build());
        s.ws.useCases.listEvents().list(atlas, window("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", null, null));
        assertThat(s.ws.recurrence.zonesAsked()).containsExactlyInAnyOrder(
                ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void exactly_10000_occurrences_pass_and_one_more_is_refused() {
        // Minutely would be quicker, but the test expander only speaks DAILY: 10,000 days from 2000.
        s.ws.useCases.createEvent().create(atlas, anEvent().withStart("2000-01-01T00:00:00Z")
                .withEnd("2000-01-01T01:00:00Z").withRrule("FREQ=DAILY;COUNT=10000").withTimezone("UTC").build());
        assertThat(s.ws.useCases.listEvents().list(atlas, window("1999-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "1", "9999")))
                .extracting(e -> e.data().start()).containsExactly(Instant.parse("2027-05-18T00:00:00Z"));
        s.ws.useCases.createEvent().create(atlas, anEvent().withStart("2000-01-01T12:00:00Z")
                .withEnd("2000-01-01T13:00:00Z").build());
        assertThatThrownBy(() -> s.ws.useCases.listEvents().list(atlas,
                window("1999-01-01T00:00:00Z", "2100-01-01T00:00:00Z", null, null)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.issues()).extracting(Issue::path)
                        .containsExactly("expand"));
    }

    @Test
    void expand_without_both_bounds_is_refused() {
        assertThatThrownBy(() -> s.ws.useCases.listEvents().list(atlas, new EventQuery("2026-01-01T00:00:00Z", null,
                null, null, "true"))).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void an_expander_giving_up_on_a_dense_rule_is_answered_as_a_validation_error_on_rrule() {
        s.ws.useCases.createEvent().create(atlas, anEvent().withStart("2026-01-01T14:00:00Z")
                .withEnd("2026-01-01T15:00:00Z").withRrule("FREQ=SECONDLY").build());
        Ports p = s.ws.ports();
        UseCases giving = UseCases.create(new Ports(p.transactions(), p.credentials(), p.users(), p.agents(), p.events(),
                p.documents(), p.subscriptions(), p.apiKeys(), p.audit(), p.idempotency(), p.processedWebhooks(),
                (series, zone, from, before, max) -> {
                    throw new TooManyOccurrences("the rule has too many occurrences to expand in this window");
                }, p.feedRenderer(), p.sessions()), s.ws.settings);

        assertThatThrownBy(() -> giving.listEvents().list(atlas,
                window("2026-01-10T00:00:00Z", "2026-01-11T00:00:00Z", null, null)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.issues()).extracting(Issue::path)
                        .containsExactly("rrule"));
    }
}

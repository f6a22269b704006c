package org.agentworkspace.core.domain;

import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryRulesTest {

    @Test
    void defaults() {
        assertThat(QueryRules.events(null, null, null, null, null))
                .isEqualTo(new EventListing(null, null, 100, 0, false));
        assertThat(QueryRules.page(null, null, QueryRules.DEFAULT_AUDIT_LIMIT)).isEqualTo(new Paging(50, 0));
    }

    @Test
    void limit_1_and_500_are_accepted() {
        assertThat(QueryRules.events(null, null, "1", null, null).limit()).isEqualTo(1);
        assertThat(QueryRules.events(null, null, "500", null, null).limit()).isEqualTo(500);
        assertThat(QueryRules.page("500", "0", 50)).isEqualTo(new Paging(500, 0));
        assertThat(QueryRules.page("1", "7", 50)).isEqualTo(new Paging(1, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "ten", "", "1.5", "99999999999"})
    void limit_out_of_range_or_not_a_number_is_refused(String limit) {
        assertThat(issuesOf(() -> QueryRules.events(null, null, limit, null, null)))
                .containsExactly(new Issue("limit", "limit must be a whole number from 1 to 500"));
        assertThat(issuesOf(() -> QueryRules.page(limit, null, 50)))
                .containsExactly(new Issue("limit", "limit must be a whole number from 1 to 500"));
    }

    @Test
    void offset_0_is_accepted_and_negative_refused() {
        assertThat(QueryRules.events(null, null, null, "0", null).offset()).isZero();
        assertThat(issuesOf(() -> QueryRules.events(null, null, null, "-1", null)))
                .containsExactly(new Issue("offset", "offset must be a whole number of at least 0"));
        assertThat(issuesOf(() -> QueryRules.page(null, "-1", 50)))
                .containsExactly(new Issue("offset", "offset must be a whole number of at least 0"));
    }

    @Test
    void bounds_are_iso_instants_reported_under_their_parameter_names() {
        EventListing l = QueryRules.events("2026-01-01T00:00:00+01:00", "2026-02-01", null, null, "true");
        assertThat(l.startAfter()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(l.startBefore()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(l.expand()).isTrue();
        assertThat(issuesOf(() -> QueryRules.events("yesterday", "2200-01-01T00:00:00Z", "0", null, "yes")))
                .extracting(Issue::path).containsExactly("start_after", "start_before", "limit", "expand");
        assertThat(issuesOf(() -> QueryRules.events("2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null, null)))
                .containsExactly(new Issue("start_before", "start_before must not be before start_after"));
    }

    @Test
    void expand_needs_both_bounds() {
        assertThat(issuesOf(() -> QueryRules.events("2026-01-01T00:00:00Z", null, null, null, "true")))
                .containsExactly(new Issue("expand", "expand=true needs both start_after and start_before"));
        assertThat(QueryRules.events(null, null, null, null, "false").expand()).isFalse();
    }
}

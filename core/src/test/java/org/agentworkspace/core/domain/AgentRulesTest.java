package org.agentworkspace.core.domain;

import static org.agentworkspace.core.builders.Strings.ofLength;
import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AgentRulesTest {
    private static final Field<String> NONE = Field.absent();

    @Test
    void a_new_agent_defaults_to_utc_and_active() {
        assertThat(AgentRules.forCreate(Field.of("Atlas"), NONE, NONE, NONE))
                .isEqualTo(new AgentData("Atlas", null, ZoneId.of("UTC"), AgentStatus.ACTIVE));
    }

    @Test
    void name_bounds() {
        assertThat(AgentRules.forCreate(Field.of("A"), NONE, NONE, NONE).name()).isEqualTo("A");
        assertThat(AgentRules.forCreate(Field.of(ofLength(200)), NONE, NONE, NONE).name()).hasSize(200);
        assertThat(issuesOf(() -> AgentRules.forCreate(Field.of(""), NONE, NONE, NONE)))
                .containsExactly(new Issue("name", "name must be 1 to 200 characters"));
        assertThat(issuesOf(() -> AgentRules.forCreate(Field.of(ofLength(201)), NONE, NONE, NONE)))
                .containsExactly(new Issue("name", "name must be 1 to 200 characters"));
        assertThat(issuesOf(() -> AgentRules.forCreate(NONE, NONE, NONE, NONE)))
                .containsExactly(new Issue("name", "name is required"));
    }

    @Test
    void description_up_to_2000() {
        assertThat(AgentRules.forCreate(Field.of("A"), Field.of(ofLength(2000)), NONE, NONE).description()).hasSize(2000);
        assertThat(issuesOf(() -> AgentRules.forCreate(Field.of("A"), Field.of(ofLength(2001)), NONE, NONE)))
                .containsExactly(new Issue("description", "description must be at most 2000 characters"));
    }

    @Test
    void timezone_and_status_rules() {
        assertThat(AgentRules.forCreate(Field.of("A"), NONE, Field.of("Europe/Berlin"), NONE).timezone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(issuesOf(() -> AgentRules.forCreate(Field.of("A"), NONE, Field.of("+01:00"), Field.of("active"))))
                .extracting(Issue::path).containsExactly("timezone", "status");
    }

    @Test
    void update_merges_and_checks_status() {
        Instant t = Instant.parse("2026-01-15T08:00:00Z");
        Agent stored = new Agent(AgentId.random(), new UserId("user_1"), "Atlas", "helps", ZoneId.of("Europe/Berlin"),
                AgentStatus.ACTIVE, t, t);
        assertThat(AgentRules.forUpdate(stored, NONE, Field.ofNull(), Field.ofNull(), Field.of("read_only")))
                .isEqualTo(new AgentData("Atlas", null, ZoneId.of("UTC"), AgentStatus.READ_ONLY));
        assertThat(issuesOf(() -> AgentRules.forUpdate(stored, Field.ofNull(), NONE, NONE, Field.of("paused"))))
                .containsExactly(new Issue("name", "name must not be null"),
                        new Issue("status", "status must be one of active, read_only, suspended"));
        assertThat(issuesOf(() -> AgentRules.forUpdate(stored, NONE, NONE, NONE, Field.ofNull())))
                .containsExactly(new Issue("status", "status must not be null"));
    }
}

package org.agentworkspace.core.domain;

import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 15, item 4: U+0000 is refused in core, naming the field, whatever the entry point. */
class TextRuleTest {

    @Test
    void a_nul_in_any_text_field_is_an_issue_naming_it() {
        assertThat(issuesOf(() -> EventRules.validate(anEvent().withTitle("a\u0000b").withDescription("\u0000")
                .draft())))
                .contains(new Issue("title", "title must not contain the NUL character (U+0000)"),
                        new Issue("description", "description must not contain the NUL character (U+0000)"));
    }

    @Test
    void a_user_id_cannot_hold_a_nul() {
        assertThatThrownBy(() -> new UserId("user_\u0000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void the_profile_field_holding_a_nul_is_named() {
        UserId id = new UserId("user_1");
        assertThat(Text.nulFieldOf(new UserProfile(id, "a@b.c", "A\u0000", null, null))).isEqualTo("firstName");
        assertThat(Text.nulFieldOf(new UserProfile(id, "a@b.c", "A", "B", null))).isNull();
    }
}

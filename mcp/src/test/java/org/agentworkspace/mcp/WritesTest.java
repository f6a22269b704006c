package org.agentworkspace.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.junit.jupiter.api.Test;

/** {@code if_match} read as REST reads {@code If-Match}, and what makes two idempotent calls "the same". */
class WritesTest {
    private static final com.fasterxml.jackson.databind.node.ObjectNode SCHEMA = Writes.controls(
            Schema.object().string("id", "id").string("title", "title"), true).build();

    private static Arguments args(Map<String, Object> values) {
        return Arguments.check("update_event", SCHEMA, values);
    }

    @Test
    void if_match_takes_the_etag_as_shown_or_bare_and_star_or_nothing_means_unconditional() {
        assertThat(Writes.expectedVersion(args(Map.of("if_match", "\"v3\"")))).isEqualTo(OptionalLong.of(3));
        assertThat(Writes.expectedVersion(args(Map.of("if_match", " v12 ")))).isEqualTo(OptionalLong.of(12));
        assertThat(Writes.expectedVersion(args(Map.of("if_match", "*")))).isEmpty();
        assertThat(Writes.expectedVersion(args(Map.of()))).isEmpty();
    }

    @Test
    void a_weak_or_foreign_tag_never_matches() {
        for (String tag : new String[] {"W/\"v3\"", "\"abc\"", "v", "3"}) {
            assertThatThrownBy(() -> Writes.expectedVersion(args(Map.of("if_match", tag))))
                    .as(tag).isInstanceOf(PreconditionFailed.class);
        }
    }

    @Test
    void the_fingerprint_ignores_argument_order_and_the_key_but_not_the_tool_or_a_value() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("id", "e1");
        one.put("title", "A");
        one.put("idempotency_key", "k1");
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("idempotency_key", "k2");
        other.put("title", "A");
        other.put("id", "e1");

        String fingerprint = Writes.fingerprint("update_event", args(one));

        assertThat(Writes.fingerprint("update_event", args(other))).isEqualTo(fingerprint);
        assertThat(Writes.fingerprint("delete_event", args(one))).isNotEqualTo(fingerprint);
        assertThat(Writes.fingerprint("update_event", args(Map.of("id", "e1", "title", "B")))).isNotEqualTo(fingerprint);
    }
}

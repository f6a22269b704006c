package org.agentworkspace.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"[]", " [ ] ", "[{}]", "[{\"a\":1},{\"b\":\"x\"}]",
            "[{\"n\":-0.5e+10,\"t\":true,\"f\":false,\"z\":null,\"s\":\"\\u00e9\\n\\\"\"}]",
            "[{\"nested\":{\"list\":[1,[2,[]],{}]}}]", "\n[\t{\"a\" : [ ] }\r\n]"})
    void arrays_of_objects_pass(String json) {
        assertThat(JsonSyntax.checkArrayOfObjects(json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[1]", "[{}, 2]", "[\"row\"]", "[{}", "[{},]", "[{\"a\":1,}]", "[{a:1}]",
            "[{\"a\":01}]", "[{\"a\":1.}]", "[{\"a\":.5}]", "[{\"a\":tru}]", "[{\"a\":\"x\ty\"}]", "[{\"a\":\"\\x\"}]",
            "[{\"a\":\"\\u12\"}]", "[{}] []", "[{\"a\" 1}]", "[{'a':1}]", "[{\"a\":[1 2]}]", "[{\"a\":NaN}]"})
    void anything_else_fails_with_a_position(String json) {
        assertThat(JsonSyntax.checkArrayOfObjects(json)).hasValueSatisfying(m -> assertThat(m).contains("at character"));
    }

    @Test
    void nesting_up_to_the_limit_passes_and_beyond_fails() {
        // The row object itself is level 1.
        String ok = "[" + "{\"a\":".repeat(JsonSyntax.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonSyntax.MAX_DEPTH - 1) + "]";
        assertThat(JsonSyntax.checkArrayOfObjects(ok)).isEmpty();
        String tooDeep = "[" + "{\"a\":".repeat(JsonSyntax.MAX_DEPTH) + "{}" + "}".repeat(JsonSyntax.MAX_DEPTH) + "]";
        assertThat(JsonSyntax.checkArrayOfObjects(tooDeep)).hasValueSatisfying(m -> assertThat(m).contains("nesting deeper"));
    }

    @Test
    void very_deep_input_is_refused_without_overflowing_the_stack() {
        String bomb = "[{\"a\":" + "[".repeat(1_000_000);
        assertThat(JsonSyntax.checkArrayOfObjects(bomb)).hasValueSatisfying(m -> assertThat(m).contains("nesting deeper"));
    }
}

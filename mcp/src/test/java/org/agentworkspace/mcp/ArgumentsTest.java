package org.agentworkspace.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpError;
import java.util.HashMap;
import java.util.Map;
import org.agentworkspace.core.domain.Field;
import org.junit.jupiter.api.Test;

/** A call is checked against its tool's schema: what the schema refuses is -32602, naming every problem. */
class ArgumentsTest {
    private final ObjectNode schema = Schema.object()
            .string("id", "an id")
            .nullableString("location", "a place")
            .integer("limit", "a count", 1, 500)
            .bool("expand", "a flag")
            .required("id")
            .build();

    @Test
    void arguments_that_fit_the_schema_are_read_as_sent() {
        Map<String, Object> raw = new HashMap<>(Map.of("id", "e1", "limit", 20, "expand", true));
        raw.put("location", null);

        Arguments a = Arguments.check("t", schema, raw);

        assertThat(a.required("id")).isEqualTo("e1");
        assertThat(a.integerText("limit")).isEqualTo("20");
        assertThat(a.bool("expand")).hasValue(true);
        assertThat(a.stringField("location")).isEqualTo(Field.ofNull());
        assertThat(a.stringField("title")).isEqualTo(Field.absent());
        assertThat(a.integerText("offset")).isNull();
    }

    @Test
    void a_whole_number_sent_as_a_decimal_is_an_integer() {
        assertThat(Arguments.check("t", schema, Map.of("id", "e1", "limit", 20.0)).integerText("limit")).isEqualTo("20");
    }

    @Test
    void every_problem_is_named_in_one_invalid_params_error() {
        McpError error = catchThrowableOfType(McpError.class, () -> Arguments.check("get_thing", schema,
                Map.of("limit", 2.5, "expand", "yes", "verbose", true)));

        assertThat(error.getJsonRpcError().code()).isEqualTo(-32602);
        assertThat(error.getMessage()).contains("Invalid arguments for tool get_thing",
                "'limit' must be an integer", "'expand' must be a boolean",
                "unknown argument 'verbose'; allowed arguments: id, location, limit, expand",
                "missing required argument 'id'");
    }

    @Test
    void null_for_a_required_or_not_nullable_argument_is_refused() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("id", null);
        raw.put("expand", null);

        McpError error = catchThrowableOfType(McpError.class, () -> Arguments.check("t", schema, raw));

        assertThat(error.getMessage()).contains("'id' must be a string", "'expand' must be a boolean",
                "missing required argument 'id'");
    }

    @Test
    void text_holding_the_nul_character_is_refused_naming_the_argument() {
        McpError error = catchThrowableOfType(McpError.class,
                () -> Arguments.check("t", schema, Map.of("id", "e\u00001")));

        assertThat(error.getJsonRpcError().code()).isEqualTo(-32602);
        assertThat(error.getMessage()).contains("'id' must not contain the NUL character (\\u0000)");
    }

    @Test
    void no_arguments_at_all_are_an_empty_call() {
        ObjectNode none = Schema.object().build();
        assertThat(Arguments.check("whoami", none, null).without("x")).isEmpty();
    }
}

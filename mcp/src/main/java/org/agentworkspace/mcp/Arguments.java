package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agentworkspace.core.domain.Field;

/**
 * The arguments of one tool call, checked against the tool's input schema. What the schema refuses
 * (an unknown argument, a missing required one, a value of the wrong JSON type; text holding U+0000,
 * which no field may hold) is a malformed call:
 * JSON-RPC error -32602 (API.md, MCP server). What the schema admits goes to core, whose validation
 * failures come back as tool results with {@code isError}.
 */
final class Arguments {
    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /** @throws McpError {@code -32602} naming every argument that does not fit {@code schema} */
    static Arguments check(String tool, ObjectNode schema, Map<String, Object> raw) {
        Map<String, Object> values = raw == null ? Map.of() : raw;
        JsonNode properties = schema.path("properties");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> argument : values.entrySet()) {
            JsonNode property = properties.get(argument.getKey());
            if (property == null) {
                problems.add("unknown argument '" + argument.getKey() + "'; allowed arguments: " + names(properties));
            } else if (!fits(argument.getValue(), property.path("type"))) {
                problems.add("'" + argument.getKey() + "' must be " + describe(property.path("type")));
            } else if (argument.getValue() instanceof String text && text.indexOf('\u0000') >= 0) {
                // PostgreSQL text cannot hold U+0000; REST refuses it at the edge too (API.md, Conventions).
                problems.add("'" + argument.getKey() + "' must not contain the NUL character (\\u0000)");
            }
        }
        for (JsonNode name : schema.path("required")) {
            if (values.get(name.asText()) == null) {
                problems.add("missing required argument '" + name.asText() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("Invalid arguments for tool " + tool + ": " + String.join("; ", problems))
                    .build();
        }
        return new Arguments(new LinkedHashMap<>(values));
    }

    /** Whether the call names the argument at all (even as {@code null}). */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A string argument; empty when absent or {@code null}. */
    Optional<String> string(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    /** A required string argument (its presence was checked against the schema). */
    String required(String name) {
        return (String) values.get(name);
    }

    Optional<Boolean> bool(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }

    /** An integer argument as core's query records take it: the decimal text, or {@code null}. */
    String integerText(String name) {
        Object value = values.get(name);
        return value == null ? null : new BigDecimal(value.toString()).toBigInteger().toString();
    }

    /** A body field as core's tri-state: absent, {@code null} (clears an optional field), or a value. */
    Field<String> stringField(String name) {
        if (!values.containsKey(name)) {
            return Field.absent();
        }
        Object value = values.get(name);
        return value == null ? Field.ofNull() : Field.of((String) value);
    }

    Field<Boolean> boolField(String name) {
        if (!values.containsKey(name)) {
            return Field.absent();
        }
        Object value = values.get(name);
        return value == null ? Field.ofNull() : Field.of((Boolean) value);
    }

    /** The arguments without {@code left out}, for a fingerprint of what makes two calls the same. */
    Map<String, Object> without(String leftOut) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(leftOut);
        return copy;
    }

    private static boolean fits(Object value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (fits(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            case "integer" -> isInteger(value);
            default -> false;
        };
    }

    private static boolean isInteger(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString());
            return decimal.stripTrailingZeros().scale() <= 0;
        }
        return false;
    }

    private static String describe(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> names.add(t.asText()));
        } else {
            names.add(type.asText());
        }
        String first = names.get(0);
        return (first.startsWith("i") ? "an " : "a ") + String.join(" or ", names);
    }

    private static String names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return String.join(", ", names);
    }
}

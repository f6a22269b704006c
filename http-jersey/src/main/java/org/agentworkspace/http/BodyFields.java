package org.agentworkspace.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.Issue;
import org.agentworkspace.core.domain.ValidationFailed;

/**
 * The fields of one JSON object as core's tri-state {@link Field}s: absent, {@code null}, a value,
 * or a value of the wrong JSON type (so core reports type errors together with every other issue).
 */
final class BodyFields {
    private final ObjectNode body;

    private BodyFields(ObjectNode body) {
        this.body = body;
    }

    /** @throws ValidationFailed naming every field not in {@code allowed}, and the allowed ones */
    static BodyFields of(ObjectNode body, List<String> allowed) {
        List<Issue> issues = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                issues.add(new Issue(name, "unknown field '" + name + "'; allowed fields: " + String.join(", ", allowed)));
            }
        }
        if (!issues.isEmpty()) {
            throw new ValidationFailed(issues);
        }
        return new BodyFields(body);
    }

    Field<String> string(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Field.absent();
        }
        if (node.isNull()) {
            return Field.ofNull();
        }
        return node.isTextual() ? Field.of(node.textValue()) : Field.wrongType("a string");
    }

    Field<Boolean> bool(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Field.absent();
        }
        if (node.isNull()) {
            return Field.ofNull();
        }
        return node.isBoolean() ? Field.of(node.booleanValue()) : Field.wrongType("a boolean");
    }

    /** A JSON array of strings; anything else (including an array holding a non-string) is the wrong type. */
    Field<List<String>> strings(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Field.absent();
        }
        if (node.isNull()) {
            return Field.ofNull();
        }
        if (!node.isArray()) {
            return Field.wrongType("an array of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return Field.wrongType("an array of strings");
            }
            values.add(element.textValue());
        }
        return Field.of(List.copyOf(values));
    }

    /** A JSON integer that fits a {@code long}; fractions, strings and huge numbers are the wrong type. */
    Field<Long> integer(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Field.absent();
        }
        if (node.isNull()) {
            return Field.ofNull();
        }
        return node.isIntegralNumber() && node.canConvertToLong() ? Field.of(node.longValue())
                : Field.wrongType("an integer");
    }
}

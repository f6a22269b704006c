package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool's input as JSON Schema: an object of named, typed arguments, closed to others. The
 * schema is the one statement of what a tool accepts: {@link Arguments} checks calls against it,
 * and the descriptions are what a model reads to call the tool well.
 */
final class Schema {
    private final ObjectNode root = McpJson.object();
    private final ObjectNode properties;
    private final ArrayNode required;

    private Schema() {
        root.put("type", "object");
        properties = root.putObject("properties");
        required = root.putArray("required");
        root.put("additionalProperties", false);
    }

    static Schema object() {
        return new Schema();
    }

    Schema string(String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
        return this;
    }

    /** A string that may also be {@code null}, which clears the field on an update. */
    Schema nullableString(String name, String description) {
        ObjectNode p = properties.putObject(name);
        p.putArray("type").add("string").add("null");
        p.put("description", description);
        return this;
    }

    Schema integer(String name, String description, int minimum, int maximum) {
        properties.putObject(name).put("type", "integer").put("minimum", minimum).put("maximum", maximum)
                .put("description", description);
        return this;
    }

    Schema bool(String name, String description) {
        properties.putObject(name).put("type", "boolean").put("description", description);
        return this;
    }

    Schema nullableBool(String name, String description) {
        ObjectNode p = properties.putObject(name);
        p.putArray("type").add("boolean").add("null");
        p.put("description", description);
        return this;
    }

    Schema required(String... names) {
        for (String name : names) {
            required.add(name);
        }
        return this;
    }

    ObjectNode build() {
        return root.deepCopy();
    }
}

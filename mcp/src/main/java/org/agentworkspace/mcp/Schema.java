package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema of an object of named, typed properties. A tool's input is {@link #object()}, closed
 * to other arguments: it is the one statement of what a tool accepts ({@link Arguments} checks calls
 * against it), and its descriptions are what a model reads to call the tool well. A tool's output is
 * {@link #shape()}, open, so a field REST adds later does not turn a result into a schema failure.
 */
final class Schema {
    private final ObjectNode root = McpJson.object();
    private final ObjectNode properties;
    private final ArrayNode required;

    private Schema(boolean closed) {
        root.put("type", "object");
        properties = root.putObject("properties");
        required = root.putArray("required");
        if (closed) {
            root.put("additionalProperties", false);
        }
    }

    /** A tool's arguments: no others are accepted. */
    static Schema object() {
        return new Schema(true);
    }

    /** A result's shape (or a part of one): these properties, others allowed. */
    static Schema shape() {
        return new Schema(false);
    }

    Schema string(String name, String description) {
        property(name, description, "string");
        return this;
    }

    /** A string that may also be {@code null} (which clears the field on an update). */
    Schema nullableString(String name, String description) {
        property(name, description, "string", "null");
        return this;
    }

    Schema integer(String name, String description, int minimum, int maximum) {
        property(name, description, "integer").put("minimum", minimum).put("maximum", maximum);
        return this;
    }

    Schema bool(String name, String description) {
        property(name, description, "boolean");
        return this;
    }

    Schema nullableBool(String name, String description) {
        property(name, description, "boolean", "null");
        return this;
    }

    /** A property holding an object of {@code shape}. */
    Schema object(String name, Schema shape) {
        properties.set(name, shape.build());
        return this;
    }

    /** A property holding an array whose items are objects of {@code item}. */
    Schema array(String name, Schema item) {
        properties.putObject(name).put("type", "array").set("items", item.build());
        return this;
    }

    /** A property holding an array of strings. */
    Schema strings(String name, String description) {
        property(name, description, "array").putObject("items").put("type", "string");
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

    /** One property of one JSON type, or of several (e.g. string or null); no description when null. */
    private ObjectNode property(String name, String description, String... types) {
        ObjectNode p = properties.putObject(name);
        if (types.length == 1) {
            p.put("type", types[0]);
        } else {
            ArrayNode list = p.putArray("type");
            for (String type : types) {
                list.add(type);
            }
        }
        if (description != null) {
            p.put("description", description);
        }
        return p;
    }
}

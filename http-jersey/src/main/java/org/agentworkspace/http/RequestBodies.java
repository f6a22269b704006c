package org.agentworkspace.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Reads a request body (already length-limited by {@link BodyLimitFilter}) and parses it as one JSON object. */
final class RequestBodies {
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*at \\[Source:[^\\]]*\\]");

    private RequestBodies() {
    }

    static byte[] read(InputStream in) {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /**
     * @param emptyIsObject whether an empty body counts as {@code {}} (for bodies whose fields are all optional)
     * @throws RequestRejected 400 for malformed JSON (with what and where) or anything but an object
     */
    static ObjectNode object(byte[] bytes, boolean emptyIsObject) {
        if (emptyIsObject && isBlank(bytes)) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw RequestRejected.badRequest(malformed(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw RequestRejected.badRequest("Request body must be a JSON object");
        }
        if (containsNul(node)) {
            // PostgreSQL text cannot hold U+0000: storing it fails inside the transaction, which was a 500.
            throw RequestRejected.badRequest("Text must not contain the NUL character (\\u0000)");
        }
        return (ObjectNode) node;
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().indexOf('\u0000') >= 0 || containsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String malformed(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        what = what == null ? "unreadable input" : SOURCE_NOTE.matcher(what.lines().findFirst().orElse("")).replaceAll("");
        JsonLocation where = e.getLocation();
        if (where == null) {
            return "Malformed JSON: " + what;
        }
        return "Malformed JSON: " + what + " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}

package org.agentworkspace.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.ValidationFailed;

/** Reads a request body (already length-limited by {@link BodyLimitFilter}) and parses it as one JSON object. */
final class RequestBodies {
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*at \\[Source:[^\\]]*\\]");

    private static final Pattern LIBRARY_NOTE = Pattern.compile("\\s*\\([^)]*`[^`]*`[^)]*\\)");
    private static final int MAX_NESTING = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;
    private static final int MAX_NUMBER_DIGITS = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

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
        String nulAt = nulPath(node, "");
        if (nulAt != null) {
            // Core's rule (Text), checked here too so a NUL anywhere in the body, not only in a field
            // core reads, is refused naming where it is.
            throw ValidationFailed.of(nulAt, Text.nulMessage(nulAt));
        }
        return (ObjectNode) node;
    }

    /** The path of the first text containing U+0000 ({@code title}, {@code rows[2].name}), or null. */
    private static String nulPath(JsonNode node, String path) {
        if (node.isTextual()) {
            return Text.containsNul(node.textValue()) ? (path.isEmpty() ? "body" : path) : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulPath(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (Text.containsNul(field.getKey())) {
                return (path.isEmpty() ? "" : path + ".") + "(a field name)";
            }
            String found = nulPath(field.getValue(), child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String malformed(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        what = what == null ? "unreadable input" : callersTerms(SOURCE_NOTE.matcher(what.lines().findFirst().orElse("")).replaceAll(""));
        JsonLocation where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            return "Malformed JSON: " + what;
        }
        return "Malformed JSON: " + what + " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * Jackson's read limits name its own classes ({@code StreamReadConstraints.getMaxNestingDepth()}):
     * the caller is told which limit the body broke instead.
     */
    static String callersTerms(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "nested too deeply (at most " + MAX_NESTING + " levels of objects and arrays)";
        }
        if (lower.contains("number value length") || lower.contains("number length")) {
            return "a number has too many digits (at most " + MAX_NUMBER_DIGITS + ")";
        }
        if (lower.contains("string value length") || lower.contains("string length")) {
            return "a string is too long";
        }
        if (lower.contains("name length")) {
            return "a field name is too long";
        }
        // Any other note that quotes a library's API, e.g. "(from `SomeClass.method()`)".
        return LIBRARY_NOTE.matcher(message).replaceAll("").replace("com.fasterxml.jackson.", "");
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

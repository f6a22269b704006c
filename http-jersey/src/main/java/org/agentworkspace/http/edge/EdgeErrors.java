package org.agentworkspace.http.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.Response;

/** API.md's error body, {@code {"error": …}}, written straight onto a Grizzly response. */
final class EdgeErrors {
    static final String REQUEST_ID = "X-Request-Id";
    static final String JSON = "application/json;charset=utf-8";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EdgeErrors() {
    }

    /** The caller's id when it is a sane token (as the Jersey layer decides it too), a fresh UUID otherwise. */
    static String requestId(String presented) {
        return presented != null && SANE_ID.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }

    static byte[] body(String message, String requestId) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        if (requestId != null) {
            node.put("requestId", requestId);
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of our own always serialises", e);
        }
    }

    /**
     * Answers {@code status} with {@code message}; {@code close} when the rest of the request may
     * still be on the wire, so the connection is not reused for bytes we never read.
     */
    static void write(Response response, int status, String message, String requestId, boolean close) throws IOException {
        byte[] bytes = body(message, status >= 500 ? requestId : null);
        response.reset();
        response.setStatus(status);
        response.setContentType(JSON);
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (close) {
            response.setHeader("Connection", "close");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

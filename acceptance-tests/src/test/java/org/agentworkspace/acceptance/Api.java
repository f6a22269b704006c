package org.agentworkspace.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP/1.1 client for the jar: raw bytes out, status, headers and body back, nothing interpreted. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    Api(URI base) {
        this(base, Duration.ofSeconds(30));
    }

    Api(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    URI base() {
        return base;
    }

    Reply get(String path, String bearer) {
        return send("GET", path, bearer, null);
    }

    Reply send(String method, String path, String bearer, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        return send(method, path, headers, body);
    }

    /** @throws UncheckedIOException when the server does not answer (connection refused, reset, timeout) */
    Reply send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Reply reply = new Reply(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
            if (reply.status() >= 500 && reply.status() != 503) {
                Scoreboard.SERVER_ERRORS.incrementAndGet();
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** True when the body is API.md's error shape: an object whose {@code error} is a non-blank string. */
        boolean errorShaped() {
            try {
                JsonNode node = JSON.readTree(body);
                if (node == null || !node.isObject() || !node.path("error").isTextual() || node.path("error").asText().isBlank()) {
                    return false;
                }
                JsonNode issues = node.get("issues");
                if (issues != null) {
                    if (!issues.isArray()) {
                        return false;
                    }
                    for (JsonNode issue : issues) {
                        if (!issue.path("path").isTextual() || !issue.path("message").isTextual()) {
                            return false;
                        }
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}

package org.agentworkspace.http;

import static org.agentworkspace.http.Fixtures.header;
import static org.agentworkspace.http.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.Conflict;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.IdempotencyMismatch;
import org.agentworkspace.core.domain.Issue;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.domain.WorkspaceException;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.port.in.EventInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Body parsing, limits, routing failures, request ids and error shapes, on a real server. */
class RequestHandlingTest {
    private static final String AUTH = "Bearer " + StubUseCases.AGENT_KEY;
    @RegisterExtension
    static final StubbedServer SERVER = new StubbedServer();
    private static final StubUseCases STUBS = SERVER.stubs();

    @Test
    void fields_reach_core_as_absent_null_value_or_wrong_type() {
        AtomicReference<EventInput> received = new AtomicReference<>();
        STUBS.createEvent = (agent, input) -> {
            received.set(input);
            return Fixtures.timedEvent(agent.agentId(), 1);
        };

        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events",
                "{\"title\":\"Standup\",\"start\":null,\"allDay\":\"yes\",\"rrule\":5,\"location\":{},\"color\":true}",
                "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(201);
        EventInput input = received.get();
        assertThat(input.title()).isEqualTo(Field.of("Standup"));
        assertThat(input.start()).isEqualTo(Field.ofNull());
        assertThat(input.end()).isEqualTo(Field.absent());
        assertThat(input.allDay()).isEqualTo(Field.wrongType("a boolean"));
        assertThat(input.rrule()).isEqualTo(Field.wrongType("a string"));
        assertThat(input.location()).isEqualTo(Field.wrongType("a string"));
        assertThat(input.color()).isEqualTo(Field.wrongType("a string"));
        assertThat(input.description()).isEqualTo(Field.absent());
    }

    @Test
    void unknown_fields_are_named_with_the_allowed_ones() {
        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events",
                "{\"titel\":\"x\",\"start\":\"2026-01-15T09:00:00Z\",\"colour\":\"#ffffff\"}", "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        String allowed = "allowed fields: title, start, end, allDay, description, location, rrule, timezone, color";
        assertThat(json(response)).isEqualTo(json("{\"error\":\"Validation failed\",\"issues\":["
                + "{\"path\":\"titel\",\"message\":\"unknown field 'titel'; " + allowed + "\"},"
                + "{\"path\":\"colour\",\"message\":\"unknown field 'colour'; " + allowed + "\"}]}"));
    }

    @Test
    void malformed_json_says_what_and_where() {
        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events",
                "{\n  \"title\": \"x\",\n  oops\n}", "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        String error = json(response).get("error").asText();
        assertThat(error).startsWith("Malformed JSON: ").endsWith(" at line 3, column 3")
                .doesNotContain("Source").contains("'o'");
        assertThat(json(response).size()).isEqualTo(1);
    }

    @Test
    void truncated_json_is_malformed_at_its_end() {
        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events", "{\"title\": \"x\"",
                "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).startsWith("Malformed JSON: ")
                .contains("end-of-input").endsWith("at line 1, column 14").doesNotContain("Source");
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        for (String body : List.of("[1,2]", "\"text\"", "42", "")) {
            HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events", body, "Authorization", AUTH);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response)).as(body).isEqualTo(json("{\"error\":\"Request body must be a JSON object\"}"));
        }
    }

    @Test
    void a_repeated_key_is_malformed() {
        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events", "{\"title\":\"a\",\"title\":\"b\"}",
                "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).startsWith("Malformed JSON: Duplicate field 'title'");
    }

    @Test
    void an_announced_length_over_one_mebibyte_is_refused_before_reading() throws Exception {
        String response = SERVER.raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (1024 * 1024 + 1), new byte[0]);

        assertThat(response).startsWith("HTTP/1.1 413").contains("{\"error\":\"Request body exceeds 1 MiB\"}")
                .containsIgnoringCase("X-Request-Id: ");
    }

    @Test
    void a_chunked_body_is_refused_once_it_passes_one_mebibyte() throws Exception {
        STUBS.createEvent = (agent, input) -> StubUseCases.unexpected();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            body.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(chunk);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String response = SERVER.raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", body.toByteArray());

        assertThat(response).startsWith("HTTP/1.1 413").contains("{\"error\":\"Request body exceeds 1 MiB\"}");
    }

    @Test
    void a_body_of_exactly_one_mebibyte_is_read() {
        AtomicReference<EventInput> received = new AtomicReference<>();
        STUBS.createEvent = (agent, input) -> {
            received.set(input);
            return Fixtures.timedEvent(agent.agentId(), 1);
        };
        String prefix = "{\"description\":\"";
        String suffix = "\"}";
        String body = prefix + "a".repeat(1024 * 1024 - prefix.length() - suffix.length()) + suffix;

        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events", body, "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(received.get().description()).isInstanceOf(Field.Value.class);
    }

    @Test
    void a_body_that_is_not_json_is_unsupported() {
        HttpResponse<String> response = SERVER.send(SERVER.request("/api/v1/events")
                .header("Authorization", AUTH).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response)).isEqualTo(json("{\"error\":\"Content-Type must be application/json\"}"));
    }

    /** No browser form can send a body without a type, so reading it as JSON opens no cross-site hole. */
    @Test
    void a_body_without_content_type_is_read_as_json() throws Exception {
        STUBS.createEvent = (agent, input) -> Fixtures.timedEvent(agent.agentId(), 1);

        String response = SERVER.raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH
                + "\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.US_ASCII));

        assertThat(response).startsWith("HTTP/1.1 201");
    }

    @Test
    void a_cross_site_form_post_is_unsupported() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> response = SERVER.send(SERVER.request("/api/dashboard/agents")
                    .header("Cookie", "__session=" + StubUseCases.USER_TOKEN).header("Sec-Fetch-Site", "same-origin")
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
            assertThat(response.statusCode()).as(type).isEqualTo(415);
        }
    }

    @Test
    void a_method_the_route_lacks_is_not_allowed_and_says_which_are() {
        HttpResponse<String> response = SERVER.send(SERVER.request("/api/v1/events")
                .header("Authorization", AUTH).DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response)).isEqualTo(json("{\"error\":\"Method not allowed\"}"));
        assertThat(header(response, "Allow")).contains("GET").contains("POST").doesNotContain("DELETE");
    }

    @Test
    void an_unknown_route_is_not_found() {
        HttpResponse<String> response = SERVER.get("/nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).isEqualTo(json("{\"error\":\"Not found\"}"));
        assertThat(header(response, "Content-Type")).startsWith("application/json");
    }

    @Test
    void a_sane_request_id_is_echoed_on_success_and_failure() {
        assertThat(header(SERVER.get("/healthz", "X-Request-Id", "trace-1.a:b_C"), "X-Request-Id"))
                .isEqualTo("trace-1.a:b_C");
        assertThat(header(SERVER.get("/nothing", "X-Request-Id", "trace-2"), "X-Request-Id")).isEqualTo("trace-2");
        assertThat(header(SERVER.get("/api/v1/me", "X-Request-Id", "trace-3"), "X-Request-Id")).isEqualTo("trace-3");
    }

    @Test
    void an_odd_or_missing_request_id_is_replaced_by_a_fresh_one() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(header(SERVER.get("/healthz"), "X-Request-Id")).matches(uuid);
        assertThat(header(SERVER.get("/healthz", "X-Request-Id", "has space"), "X-Request-Id")).matches(uuid);
        assertThat(header(SERVER.get("/healthz", "X-Request-Id", "x".repeat(129)), "X-Request-Id")).matches(uuid);
        assertThat(header(SERVER.get("/healthz", "X-Request-Id", "a<b>"), "X-Request-Id")).matches(uuid);
        assertThat(header(SERVER.get("/healthz"), "X-Request-Id"))
                .isNotEqualTo(header(SERVER.get("/healthz"), "X-Request-Id"));
    }

    @Test
    void missing_or_wrong_credentials_are_unauthorized_alike() {
        for (String[] headers : List.of(new String[0], new String[] {"Authorization", "Bearer ak_wrong"},
                new String[] {"Authorization", "Basic abc"}, new String[] {"Authorization", "Bearer "})) {
            HttpResponse<String> response = SERVER.get("/api/v1/me", headers);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response)).isEqualTo(json("{\"error\":\"Unauthorized\"}"));
            assertThat(header(response, "WWW-Authenticate")).isEqualTo("Bearer");
        }
        HttpResponse<String> dashboard = SERVER.get("/api/dashboard/me", "Authorization", AUTH);
        assertThat(dashboard.statusCode()).isEqualTo(401);
        assertThat(json(dashboard)).isEqualTo(json("{\"error\":\"Unauthorized\"}"));
    }

    @Test
    void the_agent_key_is_passed_to_core_as_sent_and_never_cached() {
        List<String> presented = new java.util.ArrayList<>();
        STUBS.authenticateAgent = key -> {
            presented.add(key);
            throw new Unauthenticated();
        };

        String key = org.agentworkspace.core.domain.ApiKey.generate(new java.security.SecureRandom()).reveal();
        SERVER.get("/api/v1/me", "Authorization", "bearer " + key);
        SERVER.get("/api/v1/me", "Authorization", "bearer " + key);
        SERVER.get("/api/v1/events");
        SERVER.get("/api/v1/me", "Authorization", "bearer ak_abc");

        // A missing key, or one whose shape or checksum fails, is answered by the filter itself.
        assertThat(presented).containsExactly(key, key);
    }

    @Test
    void a_key_that_cannot_be_one_gets_the_same_401_as_a_refused_one_without_reaching_core() {
        STUBS.authenticateAgent = key -> {
            throw new Unauthenticated();
        };
        String wellFormed = org.agentworkspace.core.domain.ApiKey.generate(new java.security.SecureRandom()).reveal();
        HttpResponse<String> refused = SERVER.get("/api/v1/me", "Authorization", "Bearer " + wellFormed);
        String badChecksum = wellFormed.substring(0, wellFormed.length() - 1)
                + (wellFormed.endsWith("0") ? "1" : "0");
        STUBS.authenticateAgent = key -> {
            throw new AssertionError("a malformed key reached core");
        };
        for (String header : new String[] {"Bearer " + badChecksum, "Bearer ak_short", "Basic abc"}) {
            HttpResponse<String> garbage = SERVER.get("/api/v1/me", "Authorization", header);
            assertThat(garbage.statusCode()).as(header).isEqualTo(401);
            assertThat(garbage.body()).as(header).isEqualTo(refused.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
            assertThat(garbage.headers().firstValue("WWW-Authenticate")).as(header).contains("Bearer");
            assertThat(garbage.headers().firstValue("Content-Type"))
                    .isEqualTo(refused.headers().firstValue("Content-Type"));
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new NotFound("Event"), 404, "{\"error\":\"Event not found\"}"),
                Arguments.of(new ValidationFailed(List.of(new Issue("title", "title is required"),
                                new Issue("end", "end must not be before start"))), 400,
                        "{\"error\":\"Validation failed\",\"issues\":[{\"path\":\"title\",\"message\":\"title is required\"},"
                                + "{\"path\":\"end\",\"message\":\"end must not be before start\"}]}"),
                Arguments.of(new Unauthenticated(), 401, "{\"error\":\"Unauthorized\"}"),
                Arguments.of(new AgentNotWritable(), 403, "{\"error\":\"Agent is read-only\"}"),
                Arguments.of(new AgentSuspended(), 403, "{\"error\":\"Agent is suspended\"}"),
                Arguments.of(new ScopeMissing(Scope.EVENTS_WRITE), 403, "{\"error\":\"This key lacks the scope events:write\"}"),
                Arguments.of(new PreconditionFailed(), 412, "{\"error\":\"" + new PreconditionFailed().getMessage() + "\"}"),
                Arguments.of(new Conflict("A request with this Idempotency-Key is still running"), 409,
                        "{\"error\":\"A request with this Idempotency-Key is still running\"}"),
                Arguments.of(new IdempotencyMismatch(), 422, "{\"error\":\"" + new IdempotencyMismatch().getMessage() + "\"}"),
                Arguments.of(new WebhookRejected("Invalid signature"), 400, "{\"error\":\"Invalid signature\"}"),
                Arguments.of(new Unavailable("Database unavailable"), 503, "{\"error\":\"Database unavailable\"}"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void each_core_failure_has_its_status_and_body(WorkspaceException failure, int status, String body) {
        STUBS.getEvent = (agent, id) -> {
            throw failure;
        };

        HttpResponse<String> response = SERVER.get("/api/v1/events/x", "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response)).isEqualTo(json(body));
        assertThat(header(response, "X-Request-Id")).isNotBlank();
        assertThat(header(response, "WWW-Authenticate")).isEqualTo(status == 401 ? "Bearer" : null);
        assertThat(header(response, "Retry-After")).isEqualTo(status == 503 ? "5" : null);
    }

    @Test
    void an_unexpected_failure_is_a_500_that_shows_only_the_request_id() {
        STUBS.getEvent = (agent, id) -> {
            throw new IllegalStateException("SELECT secret FROM keys");
        };

        HttpResponse<String> response = SERVER.get("/api/v1/events/x", "Authorization", AUTH, "X-Request-Id", "req-500");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response)).isEqualTo(json("{\"error\":\"Internal error\",\"requestId\":\"req-500\"}"));
        assertThat(header(response, "X-Request-Id")).isEqualTo("req-500");
    }

    @Test
    void a_generated_request_id_is_the_one_in_the_500_body() {
        STUBS.getEvent = (agent, id) -> {
            throw new IllegalStateException("boom");
        };

        HttpResponse<String> response = SERVER.get("/api/v1/events/x", "Authorization", AUTH);

        assertThat(json(response).get("requestId").asText()).isEqualTo(header(response, "X-Request-Id"));
    }

    @Test
    void json_answers_are_neither_cached_nor_sniffed() {
        HttpResponse<String> ok = SERVER.get("/healthz");
        HttpResponse<String> error = SERVER.get("/api/v1/me");

        for (HttpResponse<String> response : List.of(ok, error)) {
            assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "Content-Type")).isEqualTo("application/json;charset=utf-8");
        }
    }

    @Test
    void health_and_readiness() {
        assertThat(SERVER.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(json(SERVER.get("/healthz"))).isEqualTo(json("{\"status\":\"ok\"}"));
        assertThat(json(SERVER.get("/readyz"))).isEqualTo(json("{\"status\":\"ok\"}"));
        try (TestServer down = new TestServer(STUBS.build(), () -> false);
             TestServer broken = new TestServer(STUBS.build(), () -> {
                 throw new IllegalStateException("pool closed");
             })) {
            for (TestServer notReady : List.of(down, broken)) {
                HttpResponse<String> response = notReady.get("/readyz");
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(json(response)).isEqualTo(json("{\"error\":\"Database unavailable\"}"));
                assertThat(header(response, "Retry-After")).isEqualTo("5");
            }
        }
    }
}

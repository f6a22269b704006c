package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What used to be answered by Grizzly itself (issue 15, items 1, 2, 3, 7): every answer is the
 * contract's JSON error with an X-Request-Id, and slow bodies do not hold the server.
 */
class EdgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Authorization: Bearer " + StubUseCases.AGENT_KEY;
    @RegisterExtension
    static final StubbedServer SERVER = new StubbedServer();
    private static final StubUseCases STUBS = SERVER.stubs();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events/{id}", "/api/v1/events/a|b", "/api/v1/events/a^b", "/api/v1/events/%zz",
            "/api/v1/events/100%", "/api/v1/%", "/api/v1/events/\"x\"", "/api/v1/events/a\\b"})
    void a_path_that_is_not_a_legal_uri_is_a_json_404(String path) throws Exception {
        Raw reply = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isJsonError()).as(reply.text()).isTrue();
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void an_unsubstituted_template_says_so() throws Exception {
        Raw reply = raw("DELETE /api/v1/events/{id} HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\nConnection: close\r\n\r\n");

        assertThat(reply.json().path("error").asText()).contains("placeholder").contains("{id}");
    }

    @Test
    void a_space_in_the_request_line_is_a_json_400() throws Exception {
        Raw reply = raw("GET /api/v1/events/a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isJsonError()).as(reply.text()).isTrue();
    }

    @Test
    void a_stray_percent_in_the_query_and_a_bad_host_are_json_400s() throws Exception {
        Raw query = raw("GET /api/v1/events?limit=%zz HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\nConnection: close\r\n\r\n");
        Raw host = raw("GET /healthz HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");

        assertThat(query.status()).isEqualTo(400);
        assertThat(query.isJsonError()).isTrue();
        assertThat(host.status()).isEqualTo(400);
        assertThat(host.isJsonError()).isTrue();
    }

    @Test
    void a_body_on_get_and_delete_is_ignored_and_the_connection_stays_usable() throws Exception {
        STUBS.deleteEvent = (agent, id, precondition) -> { };
        String body = "{\"title\":\"ignored\"}";
        Raw reply = raw("DELETE /api/v1/events/01900000-0000-7000-8000-000000000001 HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                + "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.text()).contains("\"deleted\":true");
        assertThat(reply.text().split("HTTP/1.1 ", -1)).as("two responses on one connection").hasSize(3);
        assertThat(reply.text().substring(reply.text().lastIndexOf("HTTP/1.1 "))).startsWith("HTTP/1.1 200");
    }

    @Test
    void a_request_head_over_64_kib_is_a_json_431() throws Exception {
        Raw reply = raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(70 * 1024)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.isJsonError()).as(reply.text()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "TRACE", "CONNECT", "get", "PROPFIND"})
    void an_unknown_method_is_a_json_405(String method) throws Exception {
        Raw reply = raw(method + " /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.isJsonError()).as(reply.text()).isTrue();
    }

    @Test
    void a_3000_character_method_creates_no_metrics_series() throws Exception {
        String method = "X".repeat(3000);
        raw(method + " /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        String metrics = SERVER.get("/metrics").body();
        assertThat(metrics).doesNotContain("XXXX");
        assertThat(org.agentworkspace.http.metrics.MetricLabelsProbe.methodLabel(method)).isEqualTo("other");
    }

    @Test
    void a_body_announced_over_the_limit_is_refused_before_it_is_read() throws Exception {
        Raw reply = raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.isJsonError()).isTrue();
    }

    @Test
    void stalled_uploads_get_a_json_408_and_do_not_hold_the_server() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                Socket socket = new Socket("127.0.0.1", SERVER.port());
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ti")
                        .getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            // More stalled uploads than worker threads (16): a request still answers meanwhile.
            HttpResponse<String> health = SERVER.get("/healthz");
            assertThat(health.statusCode()).isEqualTo(200);

            Raw timedOut = read(stalled.get(0));
            assertThat(timedOut.status()).isEqualTo(408);
            assertThat(timedOut.isJsonError()).as(timedOut.text()).isTrue();
            assertThat(timedOut.header("X-Request-Id")).isNotBlank();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void a_body_that_arrives_in_pieces_is_read_whole() throws Exception {
        STUBS.createEvent = (agent, input) -> Fixtures.timedEvent(agent.agentId(), 1);
        String response = SERVER.raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "\r\nContent-Type: application/json\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.US_ASCII));

        assertThat(response).startsWith("HTTP/1.1 201");
    }

    @Test
    void a_nul_in_a_query_value_is_a_400_naming_the_parameter() {
        HttpResponse<String> response = SERVER.get("/api/v1/events?limit=1%00", "Authorization",
                "Bearer " + StubUseCases.AGENT_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"path\":\"limit\"").contains("NUL");
    }

    @Test
    void a_nul_in_a_body_is_a_400_naming_the_field() {
        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events",
                "{\"title\":\"a\\u0000b\",\"start\":\"2026-01-01T00:00:00Z\",\"end\":\"2026-01-01T01:00:00Z\"}",
                "Authorization", "Bearer " + StubUseCases.AGENT_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"path\":\"title\"").contains("NUL");
    }

    @Test
    void json_nested_too_deeply_is_explained_without_library_names() {
        String deep = "{\"title\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events", deep,
                "Authorization", "Bearer " + StubUseCases.AGENT_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nested too deeply").doesNotContain("StreamReadConstraints")
                .doesNotContain("`");
    }

    private static Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", SERVER.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket);
        }
    }

    /** Reads until the server closes or one response with its Content-Length body is complete and more stopped. */
    private static Raw read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (in.available() == 0 && completeAndClosing(out.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (IOException resetOrTimeout) {
            // What arrived before is the answer.
        }
        return new Raw(out.toString(StandardCharsets.UTF_8));
    }

    private static boolean completeAndClosing(String text) {
        int last = text.lastIndexOf("HTTP/1.1 ");
        int end = text.indexOf("\r\n\r\n", last);
        if (last < 0 || end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(last, end));
        boolean closing = text.substring(last, end).toLowerCase().contains("connection: close");
        return closing && length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    record Raw(String text) {
        int status() {
            return text.length() < 12 ? -1 : Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return null;
        }

        JsonNode json() throws IOException {
            int start = text.indexOf("\r\n\r\n");
            return JSON.readTree(text.substring(start + 4));
        }

        boolean isJsonError() {
            try {
                String type = header("Content-Type");
                return type != null && type.startsWith("application/json") && json().path("error").isTextual()
                        && !json().path("error").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }
    }
}

package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.domain.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, item 6: a dashboard write authenticated by the {@code __session} cookie alone must come
 * from a trusted origin; bearer requests are not subject to it. The stubbed use case answers 404,
 * so 404 means "got through to core" and 403 "refused at the door".
 */
class CrossSiteRequestTest {
    private static final String OWN = "https://cal.example.test";
    private static final String COOKIE = "__session=" + StubUseCases.USER_TOKEN;
    @RegisterExtension
    static final StubbedServer SERVER = new StubbedServer(
            HttpSettings.of(new FeedUrls(TestServer.PUBLIC_URL)).withTrustedOrigins(Set.of(OWN)));
    private static final StubUseCases STUBS = SERVER.stubs();
    private static final AtomicInteger REACHED = new AtomicInteger();

    @BeforeEach
    void reset() {
        REACHED.set(0);
        STUBS.createAgent = (user, input) -> {
            REACHED.incrementAndGet();
            throw new NotFound("Agent");
        };
        STUBS.regenerateApiKey = (user, id) -> {
            REACHED.incrementAndGet();
            throw new NotFound("Agent");
        };
    }

    @Test
    void a_cookie_write_from_another_site_is_refused_before_core() {
        HttpResponse<String> form = post("/api/dashboard/agents", "{\"name\":\"x\"}", "Cookie", COOKIE,
                "Origin", "https://evil.example", "Content-Type", "application/json");
        HttpResponse<String> regenerate = SERVER.send(SERVER.request("/api/dashboard/agents/01900000-0000-7000-8000-000000000001/api-key")
                .header("Cookie", COOKIE).header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> noOrigin = post("/api/dashboard/agents", "{\"name\":\"x\"}", "Cookie", COOKIE,
                "Content-Type", "application/json");

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("\"error\"").contains("Cross-site");
        assertThat(regenerate.statusCode()).isEqualTo(403);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(REACHED).hasValue(0);
    }

    @Test
    void a_cookie_write_from_our_own_pages_goes_through() {
        HttpResponse<String> byOrigin = post("/api/dashboard/agents", "{\"name\":\"x\"}", "Cookie", COOKIE,
                "Origin", OWN, "Content-Type", "application/json");
        HttpResponse<String> byFetchMetadata = post("/api/dashboard/agents", "{\"name\":\"x\"}", "Cookie", COOKIE,
                "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json");

        assertThat(byOrigin.statusCode()).isEqualTo(404);
        assertThat(byFetchMetadata.statusCode()).isEqualTo(404);
        assertThat(REACHED).hasValue(2);
    }

    @Test
    void a_bearer_request_is_not_subject_to_the_origin_rule() {
        HttpResponse<String> response = post("/api/dashboard/agents", "{\"name\":\"x\"}", "Authorization",
                "Bearer " + StubUseCases.USER_TOKEN, "Origin", "https://evil.example", "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(REACHED).hasValue(1);
    }

    @Test
    void a_cookie_write_without_a_content_type_is_unsupported() throws Exception {
        String response = SERVER.raw("POST /api/dashboard/agents HTTP/1.1\r\nHost: x\r\nCookie: " + COOKIE
                + "\r\nOrigin: " + OWN + "\r\nContent-Length: 12", "{\"name\":\"x\"}".getBytes(StandardCharsets.US_ASCII));

        assertThat(response).startsWith("HTTP/1.1 415");
        assertThat(REACHED).hasValue(0);
    }

    private static HttpResponse<String> post(String path, String body, String... headers) {
        return SERVER.send(SERVER.request(path).headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}

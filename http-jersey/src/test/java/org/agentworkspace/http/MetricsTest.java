package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.core.domain.NotFound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real server: counts move, labels are route templates, secrets never appear. */
class MetricsTest {
    private static final StubUseCases STUBS = new StubUseCases();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(STUBS.build(), () -> true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_request_counter_moves_after_a_request() {
        String series = "http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}";
        double before = value(scrape(), series);

        server.get("/healthz");

        assertThat(value(scrape(), series)).isEqualTo(before + 1);
    }

    @Test
    void feed_tokens_and_keys_never_appear_in_any_label() {
        String token = "Zq8xTOKENnever_in_labels_0000001";
        STUBS.serveFeed = (agentId, t, userAgent) -> {
            throw new NotFound("Feed");
        };
        server.get("/api/cal/agent-1/" + token + ".ics");
        server.get("/api/v1/events/" + token, "Authorization", "Bearer ak_SECRETKEYnever_in_labels");

        String metrics = scrape();

        assertThat(metrics).doesNotContain(token).doesNotContain("SECRETKEY").doesNotContain("agent-1");
        assertThat(metrics).contains("route=\"/api/cal/{agentId}/{token}.ics\",status=\"404\"");
        assertThat(metrics).contains("route=\"/api/v1/**\",status=\"401\"");
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void the_registry_shows_jvm_metrics_in_prometheus_text() {
        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("aw_rate_limit_rejections_total");
    }

    private static String scrape() {
        return server.get("/metrics").body();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

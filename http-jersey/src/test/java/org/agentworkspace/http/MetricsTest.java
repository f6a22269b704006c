package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.core.domain.NotFound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} on a real server: counts move, labels are route templates, secrets never appear. */
class MetricsTest {
    @RegisterExtension
    static final StubbedServer SERVER = new StubbedServer();
    private static final StubUseCases STUBS = SERVER.stubs();

    @Test
    void the_request_counter_moves_after_a_request() {
        String series = "http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}";
        double before = value(scrape(), series);

        SERVER.get("/healthz");

        // Jersey records a request when it finishes, just after the client got its answer.
        double after = value(scrape(), series);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (after == before && System.nanoTime() < deadline) {
            after = value(scrape(), series);
        }
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void feed_tokens_and_keys_never_appear_in_any_label() {
        String token = "Zq8xTOKENnever_in_labels_0000001";
        STUBS.serveFeed = (agentId, t, userAgent) -> {
            throw new NotFound("Feed");
        };
        SERVER.get("/api/cal/agent-1/" + token + ".ics");
        SERVER.get("/api/v1/events/" + token, "Authorization", "Bearer ak_SECRETKEYnever_in_labels");

        String metrics = scrape();

        assertThat(metrics).doesNotContain(token).doesNotContain("SECRETKEY").doesNotContain("agent-1");
        assertThat(metrics).contains("route=\"/api/cal/{agentId}/{token}.ics\",status=\"404\"");
        assertThat(metrics).contains("route=\"/api/v1/**\",status=\"401\"");
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void the_registry_shows_jvm_metrics_in_prometheus_text() {
        HttpResponse<String> response = SERVER.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("aw_rate_limit_rejections_total");
    }

    @Test
    void the_access_log_has_one_line_per_request_with_route_status_duration_id_and_no_secret() {
        ch.qos.logback.classic.Logger access = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.agentworkspace.http.metrics.RequestObserver.ACCESS_LOG);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        access.addAppender(lines);
        String token = "Zq8xSECRETtokenInThePath_0000002";
        STUBS.serveFeed = (agentId, t, userAgent) -> {
            throw new NotFound("Feed");
        };
        STUBS.getAgentProfile = agent -> new org.agentworkspace.core.domain.Agent(agent.agentId(),
                new org.agentworkspace.core.domain.UserId("user_1"), "Atlas", null, java.time.ZoneId.of("UTC"),
                org.agentworkspace.core.domain.AgentStatus.ACTIVE, Fixtures.CREATED, Fixtures.CREATED);
        try {
            SERVER.get("/api/cal/agent-2/" + token + ".ics", "X-Request-Id", "req-feed-1");
            SERVER.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY, "X-Request-Id", "req-me-1");
            // The line is written when Jersey finishes the request, just after the client got its answer.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (lines.list.size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            access.detachAppender(lines);
        }
        STUBS.reset();

        assertThat(lines.list).hasSize(2);
        var feed = lines.list.get(0);
        String feedLine = feed.getFormattedMessage() + " " + feed.getKeyValuePairs();
        assertThat(feedLine).doesNotContain(token).doesNotContain("agent-2")
                .contains("/api/cal/{agentId}/{token}.ics").contains("404").contains("req-feed-1");
        assertThat(feed.getKeyValuePairs()).extracting(kv -> kv.key)
                .containsExactly("requestId", "method", "route", "status", "durationMs", "caller");
        var me = lines.list.get(1);
        assertThat(me.getKeyValuePairs()).anySatisfy(kv -> {
            assertThat(kv.key).isEqualTo("caller");
            assertThat(kv.value).isEqualTo("agent:" + StubUseCases.AGENT.agentId());
        });
        assertThat(me.getFormattedMessage() + me.getKeyValuePairs()).doesNotContain(StubUseCases.AGENT_KEY);
    }

    private static String scrape() {
        return SERVER.get("/metrics").body();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

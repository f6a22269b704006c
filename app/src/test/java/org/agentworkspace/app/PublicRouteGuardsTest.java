package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agentworkspace.http.edge.BodyGuard;
import org.junit.jupiter.api.Test;

/** Issue 15, item 1: the public routes refuse on their head, before the edge reads a body. */
class PublicRouteGuardsTest {
    private static final Map<String, String> SIGNED = Map.of("svix-id", "msg_1", "svix-timestamp", "1",
            "svix-signature", "v1,x", "Content-Type", "application/json");

    @Test
    void a_webhook_without_a_configured_secret_is_503_before_its_body() {
        Optional<BodyGuard.Refusal> refusal = check(PublicRouteGuards.of(false, false),
                head(PublicRouteGuards.WEBHOOK_PATH, SIGNED, 100));

        assertThat(refusal).map(BodyGuard.Refusal::status).contains(503);
        assertThat(refusal.get().retryAfterSeconds()).isPositive();
    }

    @Test
    void a_webhook_without_svix_headers_or_over_its_limit_is_refused() {
        List<BodyGuard> guards = PublicRouteGuards.of(true, false);

        assertThat(check(guards, head(PublicRouteGuards.WEBHOOK_PATH, Map.of("svix-id", "msg_1"), 100)))
                .map(BodyGuard.Refusal::status).contains(400);
        assertThat(check(guards, head(PublicRouteGuards.WEBHOOK_PATH, SIGNED, 300_000)))
                .map(BodyGuard.Refusal::status).contains(413);
        assertThat(check(guards, head(PublicRouteGuards.WEBHOOK_PATH, SIGNED, 2_000))).isEmpty();
    }

    @Test
    void the_local_session_exchange_wants_a_small_json_body() {
        List<BodyGuard> guards = PublicRouteGuards.of(true, true);

        assertThat(check(guards, head(PublicRouteGuards.LOCAL_SESSION_PATH, Map.of("Content-Type", "text/plain"), 10)))
                .map(BodyGuard.Refusal::status).contains(415);
        assertThat(check(guards, head(PublicRouteGuards.LOCAL_SESSION_PATH,
                Map.of("Content-Type", "application/json"), 100_000))).map(BodyGuard.Refusal::status).contains(413);
        assertThat(check(guards, head(PublicRouteGuards.LOCAL_SESSION_PATH,
                Map.of("Content-Type", "application/json; charset=utf-8"), 60))).isEmpty();
        assertThat(check(guards, head("/api/v1/events", Map.of(), 100))).isEmpty();
    }

    @Test
    void edge_variables_are_validated_at_start() {
        assertThat(EdgeConfig.fromEnvironment(Map.of(), 10).workerThreads()).isEqualTo(20);
        assertThat(EdgeConfig.fromEnvironment(Map.of(), 4).workerThreads()).isEqualTo(16);
        assertThat(EdgeConfig.fromEnvironment(Map.of(EdgeConfig.BODY_TIMEOUT, "3"), 4).bodyReadTimeout())
                .hasSeconds(3);
        assertThatThrownBy(() -> EdgeConfig.fromEnvironment(Map.of(EdgeConfig.WORKER_THREADS, "many"), 4))
                .isInstanceOf(ConfigException.class).hasMessageContaining(EdgeConfig.WORKER_THREADS);
    }

    private static BodyGuard.Head head(String path, Map<String, String> headers, long length) {
        return new BodyGuard.Head("POST", path, name -> headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null), length);
    }

    private static Optional<BodyGuard.Refusal> check(List<BodyGuard> guards, BodyGuard.Head head) {
        for (BodyGuard guard : guards) {
            Optional<BodyGuard.Refusal> refusal = guard.check(head);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}

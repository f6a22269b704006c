package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agent B's key on agent A's ids answers exactly as on an id that does not exist, and A's rows stay
 * as they were, for every agent route that takes an id. A and B even belong to the same user.
 */
class AgentIsolationIT {
    private static ItStack stack;
    private static ItStack.NewAgent a;
    private static String keyOfB;
    private static String eventOfA;
    private static String documentOfA;

    @BeforeAll
    static void start() {
        stack = ItStack.start();
        a = stack.newUserWithAgent("user_iso", "A");
        keyOfB = stack.call("POST", "/api/dashboard/agents", a.session(), "{\"name\":\"B\"}").json().path("apiKey").asText();
        eventOfA = stack.call("POST", "/api/v1/events", a.apiKey(),
                "{\"title\":\"A's\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}")
                .json().path("event").path("id").asText();
        documentOfA = stack.call("POST", "/api/v1/docs", a.apiKey(), "{\"title\":\"A's\",\"content\":\"secret\"}")
                .json().path("document").path("id").asText();
        // B has data of its own, so an empty answer cannot pass for isolation.
        stack.call("POST", "/api/v1/events", keyOfB,
                "{\"title\":\"B's\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static Stream<Arguments> routes() {
        List<Arguments> routes = new ArrayList<>();
        for (String collection : List.of("events", "docs", "documents")) {
            String body = "{\"title\":\"taken over\"}";
            routes.add(Arguments.of("GET", collection, null, null));
            routes.add(Arguments.of("PUT", collection, body, null));
            routes.add(Arguments.of("PATCH", collection, body, null));
            routes.add(Arguments.of("DELETE", collection, null, null));
            routes.add(Arguments.of("PATCH", collection, body, "idem-iso"));
            routes.add(Arguments.of("DELETE", collection, null, "idem-iso-delete"));
        }
        return routes.stream();
    }

    @ParameterizedTest(name = "{0} /api/v1/{1}/'{id}' idempotency key {3}")
    @MethodSource("routes")
    void anotherAgentsIdAnswersLikeAnIdThatDoesNotExist(String method, String collection, String body,
                                                        String idempotencyKey) {
        String idOfA = collection.equals("events") ? eventOfA : documentOfA;
        String[] headers = idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey};
        Map<String, List<Map<String, Object>>> before = stack.snapshotOfAgent(a.agentId());

        Reply foreign = stack.call(method, "/api/v1/" + collection + "/" + idOfA, keyOfB, body, headers);
        Reply random = stack.call(method, "/api/v1/" + collection + "/" + UUID.randomUUID(), keyOfB, body,
                idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey + "-r"});
        // A's current ETag: a leak would show as a different answer than on a random id.
        Reply withIfMatch = stack.call(method, "/api/v1/" + collection + "/" + idOfA, keyOfB, body, "If-Match", "\"v1\"");
        Reply randomWithIfMatch = stack.call(method, "/api/v1/" + collection + "/" + UUID.randomUUID(), keyOfB, body,
                "If-Match", "\"v1\"");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.statusAndBody()).isEqualTo(random.statusAndBody());
        assertThat(withIfMatch.statusAndBody()).isEqualTo(randomWithIfMatch.statusAndBody())
                .isEqualTo(random.statusAndBody());
        assertThat(foreign.header("ETag")).isEmpty();
        assertThat(stack.snapshotOfAgent(a.agentId())).isEqualTo(before);
        assertThat(stack.get("/api/v1/" + collection + "/" + idOfA, a.apiKey()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "list {0}")
    @MethodSource("lists")
    void listsShowOnlyTheCallersOwnData(String path) {
        String listed = stack.get(path, keyOfB).body();

        assertThat(listed).doesNotContain(eventOfA).doesNotContain(documentOfA).doesNotContain(a.subscriptionId())
                .doesNotContain("A's");
    }

    static Stream<String> lists() {
        return Stream.of("/api/v1/events", "/api/v1/events?expand=true&start_after=2025-01-01T00:00:00Z"
                + "&start_before=2027-01-01T00:00:00Z", "/api/v1/docs", "/api/v1/documents", "/api/v1/subscriptions",
                "/api/v1/me");
    }
}

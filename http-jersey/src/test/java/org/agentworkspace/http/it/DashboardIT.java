package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dashboard route, the two-user isolation matrix over them, and the audit trail. */
class DashboardIT {
    private static ItStack stack;
    private static ItStack.NewAgent one;
    private static ItStack.NewAgent two;

    @BeforeAll
    static void start() {
        stack = ItStack.start();
        one = stack.newUserWithAgent("user_one", "One's");
        two = stack.newUserWithAgent("user_two", "Two's");
        assertThat(stack.call("POST", "/api/v1/events", one.apiKey(),
                "{\"title\":\"One's event\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Method, path with {agent} and {sub} placeholders, body. */
    static Stream<Arguments> agentRoutes() {
        return Stream.of(
                Arguments.of("GET", "/api/dashboard/agents/{agent}", null),
                Arguments.of("PATCH", "/api/dashboard/agents/{agent}", "{\"name\":\"Taken\",\"status\":\"suspended\"}"),
                Arguments.of("DELETE", "/api/dashboard/agents/{agent}", null),
                Arguments.of("POST", "/api/dashboard/agents/{agent}/api-key", null),
                Arguments.of("GET", "/api/dashboard/agents/{agent}/events", null),
                Arguments.of("GET", "/api/dashboard/agents/{agent}/events?expand=true&start_after=2025-01-01T00:00:00Z"
                        + "&start_before=2027-01-01T00:00:00Z", null),
                Arguments.of("GET", "/api/dashboard/agents/{agent}/subscriptions", null),
                Arguments.of("POST", "/api/dashboard/agents/{agent}/subscriptions", "{\"label\":\"spy\"}"),
                Arguments.of("POST", "/api/dashboard/agents/{agent}/subscriptions/{sub}/rotate", null),
                Arguments.of("DELETE", "/api/dashboard/agents/{agent}/subscriptions/{sub}", null),
                Arguments.of("GET", "/api/dashboard/agents/{agent}/audit", null),
                Arguments.of("GET", "/api/dashboard/agents/{agent}/docs", null),
                Arguments.of("GET", "/api/dashboard/agents/{agent}/docs?content=false", null));
    }

    private static String path(String template, String agent, String sub) {
        return template.replace("{agent}", agent).replace("{sub}", sub);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("agentRoutes")
    void anotherUsersAgentAnswersLikeAnAgentThatDoesNotExist(String method, String template, String body) {
        Map<String, List<Map<String, Object>>> before = stack.snapshotOfAgent(one.agentId());
        Map<String, List<Map<String, Object>>> beforeTwo = stack.snapshotOfAgent(two.agentId());

        Reply foreign = stack.call(method, path(template, one.agentId(), one.subscriptionId()), two.session(), body);
        Reply random = stack.call(method, path(template, UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                two.session(), body);
        Reply malformed = stack.call(method, path(template, "not-an-id", "nor-this"), two.session(), body);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.statusAndBody()).isEqualTo(random.statusAndBody()).isEqualTo(malformed.statusAndBody());
        assertThat(stack.snapshotOfAgent(one.agentId())).isEqualTo(before);
        assertThat(stack.snapshotOfAgent(two.agentId())).isEqualTo(beforeTwo);
    }

    static Stream<Arguments> subscriptionRoutes() {
        return agentRoutes().filter(route -> route.get()[1].toString().contains("{sub}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("subscriptionRoutes")
    void anotherAgentsSubscriptionUnderOnesOwnAgentAnswersLikeOneThatDoesNotExist(String method, String template,
                                                                                 String body) {
        Map<String, List<Map<String, Object>>> before = stack.snapshotOfAgent(one.agentId());

        Reply foreign = stack.call(method, path(template, two.agentId(), one.subscriptionId()), two.session(), body);
        Reply random = stack.call(method, path(template, two.agentId(), UUID.randomUUID().toString()), two.session(), body);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.statusAndBody()).isEqualTo(random.statusAndBody());
        assertThat(stack.snapshotOfAgent(one.agentId())).isEqualTo(before);
        assertThat(stack.get(one.feedPath(), null).status()).isEqualTo(200);
    }

    @Test
    void theOwnerReadsTheAgentsDocumentsAndNobodyElseDoes() {
        Reply created = stack.call("POST", "/api/v1/docs", one.apiKey(),
                "{\"title\":\"Plan\",\"content\":\"# Week 1\\n- ship\"}");
        assertThat(created.status()).isEqualTo(201);
        String docId = created.json().path("document").path("id").asText();
        String docs = "/api/dashboard/agents/" + one.agentId() + "/docs";

        JsonNode listed = stack.get(docs, one.session()).json().path("documents");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("content").asText()).isEqualTo("# Week 1\n- ship");
        assertThat(stack.get(docs + "?content=false", one.session()).json().path("documents").get(0).has("content"))
                .isFalse();
        JsonNode read = stack.get(docs + "/" + docId, one.session()).json().path("document");
        assertThat(read.path("title").asText()).isEqualTo("Plan");
        assertThat(read.path("agentId").asText()).isEqualTo(one.agentId());

        Reply foreign = stack.get(docs + "/" + docId, two.session());
        Reply random = stack.get("/api/dashboard/agents/" + UUID.randomUUID() + "/docs/" + UUID.randomUUID(),
                two.session());
        Reply ownAgentForeignDoc = stack.get("/api/dashboard/agents/" + two.agentId() + "/docs/" + docId, two.session());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.statusAndBody()).isEqualTo(random.statusAndBody());
        assertThat(ownAgentForeignDoc.status()).isEqualTo(404);
        assertThat(ownAgentForeignDoc.body()).contains("Document not found");
        assertThat(stack.call("PUT", docs + "/" + docId, one.session(), "{\"title\":\"x\"}").status())
                .as("the owner's view is read-only").isEqualTo(405);
    }

    @Test
    void aNewWebhookAnswers201WithItsAddressToTheAgentAndToTheOwner() {
        ItStack.NewAgent hooks = stack.newUserWithAgent("user_hooks", "Hooks");

        Reply byAgent = stack.call("POST", "/api/v1/webhooks", hooks.apiKey(), "{\"url\":\"https://example.com/a\"}");
        Reply byOwner = stack.call("POST", "/api/dashboard/agents/" + hooks.agentId() + "/webhooks", hooks.session(),
                "{\"url\":\"https://example.com/o\"}");

        assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(201);
        assertThat(byAgent.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(byAgent.header("Location"))
                .hasValue("/api/v1/webhooks/" + byAgent.json().path("webhook").path("id").asText());
        assertThat(byAgent.json().path("webhook").path("secret").asText()).isNotBlank();
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(201);
        assertThat(byOwner.header("Location")).hasValue("/api/dashboard/agents/" + hooks.agentId() + "/webhooks/"
                + byOwner.json().path("webhook").path("id").asText());
    }

    @Test
    void listsShowOnlyTheCallersOwnAgents() {
        JsonNode agents = stack.get("/api/dashboard/agents", two.session()).json().path("agents");

        assertThat(agents.size()).isEqualTo(1);
        assertThat(agents.get(0).path("id").asText()).isEqualTo(two.agentId());
        assertThat(stack.get("/api/dashboard/me", two.session()).json().path("user").path("id").asText())
                .isEqualTo("user_two");
    }

    @Test
    void agentLifecycleFromCreationToDeletion() {
        String session = ItStack.session("user_life");

        Reply created = stack.call("POST", "/api/dashboard/agents", session,
                "{\"name\":\"Atlas\",\"description\":\"plans\",\"timezone\":\"America/New_York\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode agent = created.json().path("agent");
        String id = agent.path("id").asText();
        assertThat(created.header("Location")).hasValue("/api/dashboard/agents/" + id);
        assertThat(agent.path("status").asText()).isEqualTo("active");
        assertThat(agent.path("timezone").asText()).isEqualTo("America/New_York");
        String key = created.json().path("apiKey").asText();
        assertThat(key).startsWith("ak_").hasSize(43);
        assertThat(created.json().path("subscription").path("detail").asText()).isEqualTo("full");
        assertThat(stack.count("select count(*) from calendars where agent_id = ?", UUID.fromString(id))).isEqualTo(1);
        assertThat(stack.get("/api/dashboard/agents/" + id, session).json().path("agent")).isEqualTo(agent);
        assertThat(stack.get("/api/dashboard/agents/" + id, session).body()).doesNotContain(key);

        Reply invalid = stack.call("POST", "/api/dashboard/agents", session,
                "{\"name\":\"\",\"timezone\":\"Nowhere/Atlantis\",\"extra\":1}");
        assertThat(invalid.status()).isEqualTo(400);
        Reply badUpdate = stack.call("PATCH", "/api/dashboard/agents/" + id, session,
                "{\"status\":\"paused\",\"timezone\":\"Nowhere/Atlantis\"}");
        assertThat(badUpdate.status()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        badUpdate.json().path("issues").forEach(i -> paths.add(i.path("path").asText()));
        assertThat(paths).contains("status", "timezone");

        Reply renamed = stack.call("PATCH", "/api/dashboard/agents/" + id, session, "{\"name\":\"Atlas II\",\"description\":null}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("agent").path("name").asText()).isEqualTo("Atlas II");
        assertThat(renamed.json().path("agent").path("description").isNull()).isTrue();
        assertThat(stack.get("/api/v1/me", key).json().path("agent").path("name").asText()).isEqualTo("Atlas II");

        assertThat(stack.call("POST", "/api/v1/events", key,
                "{\"title\":\"seen\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}").status())
                .isEqualTo(201);
        JsonNode events = stack.get("/api/dashboard/agents/" + id + "/events", session).json().path("events");
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).path("title").asText()).isEqualTo("seen");
        assertThat(stack.get("/api/dashboard/agents/" + id + "/events?limit=501", session).status()).isEqualTo(400);
        assertThat(stack.call("POST", "/api/dashboard/agents/" + id + "/events", session, "{}").status()).isEqualTo(405);

        String feed = ItStack.pathOf(created.json().path("subscription").path("url").asText());
        Reply deleted = stack.call("DELETE", "/api/dashboard/agents/" + id, session, null);
        assertThat(deleted.statusAndBody()).isEqualTo("200 {\"deleted\":true}");
        stack.snapshotOfAgent(id).forEach((table, rows) -> assertThat(rows).as(table).isEmpty());
        assertThat(stack.get("/api/v1/me", key).status()).isEqualTo(401);
        assertThat(stack.get(feed, null).status()).isEqualTo(404);
        assertThat(stack.get("/api/dashboard/agents/" + id, session).status()).isEqualTo(404);
    }

    @Test
    void subscriptionsAreCreatedListedRotatedAndRevoked() {
        ItStack.NewAgent owner = stack.newUserWithAgent("user_subs", "Subs");
        String base = "/api/dashboard/agents/" + owner.agentId() + "/subscriptions";

        Reply created = stack.call("POST", base, owner.session(),
                "{\"label\":\"Partner\",\"email\":\"p@example.org\",\"detail\":\"busy\"}");
        Reply empty = stack.call("POST", base, owner.session(), "");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode sub = created.json().path("subscription");
        assertThat(created.header("Location")).hasValue(base + "/" + sub.path("id").asText());
        assertThat(sub.path("label").asText()).isEqualTo("Partner");
        assertThat(sub.path("email").asText()).isEqualTo("p@example.org");
        assertThat(sub.path("detail").asText()).isEqualTo("busy");
        assertThat(sub.path("url").asText()).startsWith(ItStack.PUBLIC_URL + "/api/cal/" + owner.agentId() + "/")
                .endsWith(".ics");
        assertThat(sub.path("lastFetchedAt").isNull()).isTrue();
        assertThat(empty.status()).isEqualTo(201);
        assertThat(empty.json().path("subscription").path("detail").asText()).isEqualTo("full");
        assertThat(stack.call("POST", base, owner.session(), "{\"detail\":\"some\"}").status()).isEqualTo(400);

        JsonNode listed = stack.get(base, owner.session()).json().path("subscriptions");
        assertThat(listed.size()).isEqualTo(3);

        Reply rotated = stack.call("POST", base + "/" + sub.path("id").asText() + "/rotate", owner.session(), null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("subscription").path("id")).isEqualTo(sub.path("id"));
        assertThat(rotated.json().path("subscription").path("url")).isNotEqualTo(sub.path("url"));

        Reply revoked = stack.call("DELETE", base + "/" + sub.path("id").asText(), owner.session(), null);
        assertThat(revoked.statusAndBody()).isEqualTo("200 {\"deleted\":true}");
        assertThat(stack.get(base, owner.session()).json().path("subscriptions").size()).isEqualTo(2);
        assertThat(stack.call("DELETE", base + "/" + sub.path("id").asText(), owner.session(), null).status())
                .isEqualTo(404);
    }

    @Test
    void auditEntriesOfSecurityEventsNewestFirst() {
        ItStack.NewAgent owner = stack.newUserWithAgent("user_audit", "Audited");
        String agentPath = "/api/dashboard/agents/" + owner.agentId();
        String sub = stack.call("POST", agentPath + "/subscriptions", owner.session(), "{}")
                .json().path("subscription").path("id").asText();
        stack.call("POST", agentPath + "/subscriptions/" + sub + "/rotate", owner.session(), null);
        stack.call("DELETE", agentPath + "/subscriptions/" + sub, owner.session(), null);
        stack.call("POST", agentPath + "/api-key", owner.session(), null);
        stack.call("PATCH", agentPath, owner.session(), "{\"status\":\"read_only\"}");

        Reply audit = stack.get(agentPath + "/audit", owner.session());

        assertThat(audit.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        audit.json().path("entries").forEach(e -> {
            actions.add(e.path("action").asText());
            times.add(Instant.parse(e.path("at").asText()));
            assertThat(e.path("actor").asText()).isNotBlank();
        });
        assertThat(actions.subList(0, 5)).containsExactly("agent.status_changed", "key.regenerated",
                "subscription.revoked", "subscription.rotated", "subscription.created");
        assertThat(actions).contains("key.issued");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(audit.body()).doesNotContain(owner.apiKey());

        JsonNode page = stack.get(agentPath + "/audit?limit=2&offset=1", owner.session()).json().path("entries");
        assertThat(page.size()).isEqualTo(2);
        assertThat(page.get(0).path("action").asText()).isEqualTo("key.regenerated");
        assertThat(stack.get(agentPath + "/audit?limit=0", owner.session()).status()).isEqualTo(400);
    }
}

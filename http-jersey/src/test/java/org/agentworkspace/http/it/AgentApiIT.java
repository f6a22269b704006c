package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every agent-API route and status code, on the real stack; each test has an agent of its own. */
class AgentApiIT extends OnItStack {

    private static ItStack.NewAgent newAgent() {
        return newAgentOf("user_api");
    }

    private static String event(String title, String start, String end) {
        return "{\"title\":\"" + title + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    private static Reply createEvent(ItStack.NewAgent agent, String title, String start, String end) {
        Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(), event(title, start, end));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(reply.json().path("error").asText()).isEqualTo("Unauthorized");
        assertThat(reply.json().size()).isEqualTo(1);
    }

    @Test
    void meDescribesTheAgentOfTheKey() {
        ItStack.NewAgent agent = newAgent();

        Reply me = stack.get("/api/v1/me", agent.apiKey());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode json = me.json().path("agent");
        assertThat(json.path("id").asText()).isEqualTo(agent.agentId());
        assertThat(json.path("name").asText()).isEqualTo("Atlas");
        assertThat(json.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("createdAt").asText()).endsWith("Z");
        assertThat(me.header("X-Request-Id")).isPresent();
    }

    @Test
    void missingMalformedForgedAndUnknownKeysAreAllTheSame401() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String lastChar = key.substring(key.length() - 1);
        String checksumBroken = key.substring(0, key.length() - 1) + (lastChar.equals("A") ? "B" : "A");
        Reply regenerated = stack.call("POST", "/api/dashboard/agents/" + agent.agentId() + "/api-key",
                agent.session(), null);
        assertThat(regenerated.status()).isEqualTo(200);

        List<Reply> replies = List.of(
                stack.get("/api/v1/me", null),
                stack.get("/api/v1/me", "not-a-key"),
                stack.get("/api/v1/me", checksumBroken),
                stack.get("/api/v1/me", key), // well-formed, but no longer stored
                stack.send(stack.request("/api/v1/me").header("Authorization", "Basic " + key).GET()),
                stack.call("POST", "/api/v1/events", null, event("x", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z")));

        replies.forEach(AgentApiIT::assertUnauthorized);
        assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
        assertThat(stack.get("/api/v1/me", regenerated.json().path("apiKey").asText()).status()).isEqualTo(200);
    }

    @Test
    void aRegeneratedKeyFailsOnTheVeryNextRequest() {
        ItStack.NewAgent agent = newAgent();
        assertThat(stack.get("/api/v1/me", agent.apiKey()).status()).isEqualTo(200);

        String fresh = stack.call("POST", "/api/dashboard/agents/" + agent.agentId() + "/api-key", agent.session(), null)
                .json().path("apiKey").asText();

        assertUnauthorized(stack.get("/api/v1/me", agent.apiKey()));
        assertUnauthorized(stack.call("POST", "/api/v1/events", agent.apiKey(),
                event("late", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z")));
        assertThat(fresh).startsWith("ak_").hasSize(43).isNotEqualTo(agent.apiKey());
        assertThat(stack.get("/api/v1/me", fresh).json().path("agent").path("id").asText()).isEqualTo(agent.agentId());
    }

    @Test
    void eventLifecycleWithLocationEtagsAndDeletion() {
        ItStack.NewAgent agent = newAgent();

        Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"title\":\"Standup\",\"start\":\"2026-03-02T10:00:00+02:00\",\"end\":\"2026-03-02T10:15:00+02:00\","
                        + "\"description\":\"daily\",\"location\":\"Room 1\",\"color\":\"#aabbcc\",\"timezone\":\"Europe/Berlin\","
                        + "\"rrule\":\"RRULE:FREQ=DAILY;COUNT=3\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode event = created.json().path("event");
        String id = event.path("id").asText();
        assertThat(created.header("Location")).hasValue("/api/v1/events/" + id);
        assertThat(event.path("start").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(event.path("end").asText()).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(event.path("allDay").asBoolean()).isFalse();
        assertThat(event.path("rrule").asText()).contains("FREQ=DAILY;COUNT=3");
        String etag = created.header("ETag").orElseThrow();

        Reply read = stack.get("/api/v1/events/" + id, agent.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.header("ETag")).hasValue(etag);

        Reply patched = stack.call("PATCH", "/api/v1/events/" + id, agent.apiKey(),
                "{\"title\":\"Standup (moved)\",\"location\":null}", "If-Match", etag);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("event").path("title").asText()).isEqualTo("Standup (moved)");
        assertThat(patched.json().path("event").path("location").isNull()).isTrue();
        assertThat(patched.json().path("event").path("description").asText()).isEqualTo("daily");
        String etag2 = patched.header("ETag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag);

        Reply stale = stack.call("PUT", "/api/v1/events/" + id, agent.apiKey(), "{\"title\":\"lost update\"}",
                "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().has("error")).isTrue();
        assertThat(stack.get("/api/v1/events/" + id, agent.apiKey()).json().path("event").path("title").asText())
                .isEqualTo("Standup (moved)");

        Reply put = stack.call("PUT", "/api/v1/events/" + id, agent.apiKey(), "{\"title\":\"Put\"}", "If-Match", etag2);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("event").path("title").asText()).isEqualTo("Put");
        assertThat(put.json().path("event").path("description").asText()).isEqualTo("daily");

        assertThat(stack.call("DELETE", "/api/v1/events/" + id, agent.apiKey(), null, "If-Match", etag2).status())
                .isEqualTo(412);
        Reply deleted = stack.call("DELETE", "/api/v1/events/" + id, agent.apiKey(), null,
                "If-Match", put.header("ETag").orElseThrow());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(stack.get("/api/v1/events/" + id, agent.apiKey()).status()).isEqualTo(404);
        assertThat(stack.call("DELETE", "/api/v1/events/" + id, agent.apiKey(), null).status()).isEqualTo(404);
    }

    @Test
    void allDayEventsTakeAndGiveDates() {
        ItStack.NewAgent agent = newAgent();

        Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"title\":\"Holiday\",\"allDay\":true,\"start\":\"2026-03-02\",\"end\":\"2026-03-03\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("event").path("start").asText()).isEqualTo("2026-03-02");
        assertThat(created.json().path("event").path("end").asText()).isEqualTo("2026-03-03");
        assertThat(created.json().path("event").path("allDay").asBoolean()).isTrue();
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        ItStack.NewAgent agent = newAgent();
        for (String path : List.of("/api/v1/events/", "/api/v1/docs/", "/api/v1/documents/")) {
            Reply random = stack.get(path + UUID.randomUUID(), agent.apiKey());
            Reply malformed = stack.get(path + "not-a-uuid", agent.apiKey());
            assertThat(random.status()).isEqualTo(404);
            assertThat(malformed.statusAndBody()).isEqualTo(random.statusAndBody());
            assertThat(stack.call("PATCH", path + "123", agent.apiKey(), "{\"title\":\"x\"}").status()).isEqualTo(404);
            assertThat(stack.call("DELETE", path + "123", agent.apiKey(), null).status()).isEqualTo(404);
        }
    }

    @Test
    void validationReportsEveryIssueAtOnce() {
        ItStack.NewAgent agent = newAgent();

        Reply reply = stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"start\":\"2026-01-02T10:00:00Z\",\"end\":\"2026-01-02T09:00:00Z\",\"color\":\"red\","
                        + "\"timezone\":\"Mars/Olympus\",\"rrule\":\"FREQ=SOMETIMES\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("Validation failed");
        List<String> paths = new ArrayList<>();
        reply.json().path("issues").forEach(issue -> {
            paths.add(issue.path("path").asText());
            assertThat(issue.path("message").asText()).isNotBlank();
        });
        assertThat(paths).contains("title", "end", "color", "timezone", "rrule");
        assertThat(stack.count("select count(*) from events where agent_id = ?", UUID.fromString(agent.agentId())))
                .isZero();
    }

    @Test
    void badBodiesAreRefusedWithTheirOwnStatus() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();

        Reply malformed = stack.call("POST", "/api/v1/events", key, "{\"title\": \"x\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").asText()).isNotBlank();

        Reply unknown = stack.call("POST", "/api/v1/events", key,
                "{\"title\":\"x\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\",\"colour\":\"#000000\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("colour").contains("color");

        Reply wrongType = stack.call("POST", "/api/v1/events", key,
                "{\"title\":42,\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("title");

        Reply form = stack.send(stack.request("/api/v1/events").header("Authorization", "Bearer " + key)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("title=x")));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().has("error")).isTrue();

        String huge = "{\"title\":\"x\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\",\"description\":\""
                + "d".repeat(1024 * 1024) + "\"}";
        Reply tooLarge = stack.call("POST", "/api/v1/events", key, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().has("error")).isTrue();

        Reply wrongMethod = stack.call("DELETE", "/api/v1/events", key, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().has("error")).isTrue();
        assertThat(stack.call("POST", "/api/v1/me", key, "{}").status()).isEqualTo(405);

        assertThat(stack.count("select count(*) from events where agent_id = ?", UUID.fromString(agent.agentId())))
                .isZero();
    }

    @Test
    void readOnlyAgentsMayReadButNotWriteAndSuspendedAgentsMayDoNothing() {
        ItStack.NewAgent agent = newAgent();
        String eventId = createEvent(agent, "kept", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z")
                .json().path("event").path("id").asText();
        String agentPath = "/api/dashboard/agents/" + agent.agentId();

        assertThat(stack.call("PATCH", agentPath, agent.session(), "{\"status\":\"read_only\"}").status()).isEqualTo(200);
        assertThat(stack.get("/api/v1/events/" + eventId, agent.apiKey()).status()).isEqualTo(200);
        assertThat(stack.get("/api/v1/subscriptions", agent.apiKey()).status()).isEqualTo(200);
        assertThat(stack.get("/api/v1/webhooks", agent.apiKey()).statusAndBody())
                .as("listing webhooks is a read").isEqualTo("200 {\"webhooks\":[]}");
        for (Reply write : List.of(
                stack.call("POST", "/api/v1/webhooks", agent.apiKey(), "{\"url\":\"https://example.com/hook\"}"),
                stack.call("POST", "/api/v1/events", agent.apiKey(), event("no", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z")),
                stack.call("PATCH", "/api/v1/events/" + eventId, agent.apiKey(), "{\"title\":\"no\"}"),
                stack.call("DELETE", "/api/v1/events/" + eventId, agent.apiKey(), null),
                stack.call("POST", "/api/v1/docs", agent.apiKey(), "{\"title\":\"no\"}"))) {
            assertThat(write.statusAndBody()).isEqualTo("403 {\"error\":\"Agent is read-only\"}");
        }

        assertThat(stack.call("PATCH", agentPath, agent.session(), "{\"status\":\"suspended\"}").status()).isEqualTo(200);
        for (Reply any : List.of(stack.get("/api/v1/me", agent.apiKey()), stack.get("/api/v1/events", agent.apiKey()),
                stack.get("/api/v1/events/" + eventId, agent.apiKey()),
                stack.call("POST", "/api/v1/docs", agent.apiKey(), "{\"title\":\"no\"}"))) {
            assertThat(any.statusAndBody()).isEqualTo("403 {\"error\":\"Agent is suspended\"}");
        }
        assertThat(stack.get(agent.feedPath(), null).status()).as("feeds keep serving").isEqualTo(200);

        assertThat(stack.call("PATCH", agentPath, agent.session(), "{\"status\":\"active\"}").status()).isEqualTo(200);
        assertThat(stack.call("PATCH", "/api/v1/events/" + eventId, agent.apiKey(), "{\"title\":\"back\"}").status())
                .isEqualTo(200);
        assertThat(stack.count("select count(*) from events where agent_id = ?", UUID.fromString(agent.agentId())))
                .isEqualTo(1);
    }

    @Test
    void listDefaultsMaximaAndOrdering() {
        ItStack.NewAgent agent = newAgent();
        Instant base = Instant.parse("2026-05-01T00:00:00Z");
        // Created newest first so that creation order and start order disagree.
        for (int i = 104; i >= 0; i--) {
            Instant start = base.plusSeconds(3600L * (i / 2));
            createEvent(agent, "e" + i, start.toString(), start.plusSeconds(60).toString());
        }

        JsonNode all = stack.get("/api/v1/events", agent.apiKey()).json().path("events");
        assertThat(all.size()).as("default limit").isEqualTo(100);
        List<String> keys = new ArrayList<>();
        all.forEach(e -> keys.add(e.path("start").asText() + " " + e.path("id").asText()));
        assertThat(keys).isSorted();

        assertThat(stack.get("/api/v1/events?limit=500", agent.apiKey()).json().path("events").size()).isEqualTo(105);
        JsonNode page = stack.get("/api/v1/events?limit=10&offset=100", agent.apiKey()).json().path("events");
        assertThat(page.size()).isEqualTo(5);
        assertThat(page.get(0).path("id")).isEqualTo(stack.get("/api/v1/events?limit=500", agent.apiKey())
                .json().path("events").get(100).path("id"));

        for (String bad : List.of("limit=501", "limit=0", "limit=-1", "limit=ten", "offset=-1", "start_after=yesterday")) {
            Reply refused = stack.get("/api/v1/events?" + bad, agent.apiKey());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).as(bad).isNotBlank();
        }

        // start_after inclusive, start_before exclusive, both on the start.
        JsonNode window = stack.get("/api/v1/events?start_after=2026-05-01T01:00:00Z&start_before=2026-05-01T03:00:00Z",
                agent.apiKey()).json().path("events");
        List<String> starts = new ArrayList<>();
        window.forEach(e -> starts.add(e.path("start").asText()));
        assertThat(starts).containsExactly("2026-05-01T01:00:00Z", "2026-05-01T01:00:00Z",
                "2026-05-01T02:00:00Z", "2026-05-01T02:00:00Z");
        assertThat(stack.get("/api/v1/events?expand=true", agent.apiKey()).status()).as("expand needs both bounds")
                .isEqualTo(400);
    }

    @Test
    void weeklyBerlinMorningStaysAtNineAcrossBothDaylightSavingChanges() {
        ItStack.NewAgent agent = newAgent();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"title\":\"Weekly\",\"start\":\"2026-03-15T09:00:00+01:00\",\"end\":\"2026-03-15T09:30:00+01:00\","
                        + "\"timezone\":\"Europe/Berlin\",\"rrule\":\"FREQ=WEEKLY\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("event").path("id").asText();

        // DST starts 2026-03-29 and ends 2026-10-25 (last Sundays of March and October).
        Reply expanded = stack.get("/api/v1/events?expand=true&start_after=2026-03-10T00:00:00Z"
                + "&start_before=2026-11-10T00:00:00Z&limit=500", agent.apiKey());

        assertThat(expanded.status()).as(expanded.body()).isEqualTo(200);
        List<ZonedDateTime> starts = new ArrayList<>();
        expanded.json().path("events").forEach(occurrence -> {
            assertThat(occurrence.path("id").asText()).isEqualTo(id);
            ZonedDateTime start = Instant.parse(occurrence.path("start").asText()).atZone(berlin);
            ZonedDateTime end = Instant.parse(occurrence.path("end").asText()).atZone(berlin);
            assertThat(start.toLocalTime()).hasToString("09:00");
            assertThat(end.toLocalTime()).hasToString("09:30");
            starts.add(start);
        });
        assertThat(starts).hasSize(35);
        assertThat(starts.get(0).toLocalDate()).hasToString("2026-03-15");
        assertThat(starts).extracting(s -> s.toLocalDate().toString())
                .contains("2026-03-22", "2026-03-29", "2026-04-05", "2026-10-18", "2026-10-25", "2026-11-01");
        assertThat(expanded.json().path("events").get(1).path("start").asText()).isEqualTo("2026-03-22T08:00:00Z");
        assertThat(expanded.json().path("events").get(2).path("start").asText()).isEqualTo("2026-03-29T07:00:00Z");
        assertThat(expanded.json().path("events").get(32).path("start").asText()).isEqualTo("2026-10-25T08:00:00Z");

        assertThat(stack.call("PATCH", "/api/v1/events/" + id, agent.apiKey(), "{\"rrule\":\"FREQ=DAILY\"}").status())
                .isEqualTo(200);
        Reply dense = stack.get("/api/v1/events?expand=true&start_after=2026-01-01T00:00:00Z"
                + "&start_before=2060-01-01T00:00:00Z", agent.apiKey());
        assertThat(dense.status()).as("more than 10,000 occurrences").isEqualTo(400);
        assertThat(dense.json().path("error").asText()).isNotBlank();
    }

    @Test
    void documentsOfEveryTypeOnBothPaths() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();

        Reply markdown = stack.call("POST", "/api/v1/docs", key, "{\"title\":\"Notes\",\"content\":\"# Hi\"}");
        assertThat(markdown.status()).as(markdown.body()).isEqualTo(201);
        JsonNode doc = markdown.json().path("document");
        String id = doc.path("id").asText();
        assertThat(markdown.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/" + id));
        assertThat(doc.path("type").asText()).isEqualTo("markdown");
        assertThat(doc.path("agentId").asText()).isEqualTo(agent.agentId());

        Reply sheet = stack.call("POST", "/api/v1/documents", key,
                "{\"title\":\"Sheet\",\"type\":\"sheet\",\"content\":\"[{\\\"a\\\":1},{\\\"a\\\":2}]\"}");
        assertThat(sheet.status()).as(sheet.body()).isEqualTo(201);
        Reply badSheet = stack.call("POST", "/api/v1/docs", key,
                "{\"title\":\"Sheet\",\"type\":\"sheet\",\"content\":\"not json rows\"}");
        assertThat(badSheet.status()).isEqualTo(400);
        assertThat(badSheet.body()).contains("content");
        Reply slide = stack.call("POST", "/api/v1/docs", key,
                "{\"title\":\"Deck\",\"type\":\"slide\",\"content\":\"# One\\n---\\n# Two\"}");
        assertThat(slide.status()).isEqualTo(201);
        assertThat(stack.call("POST", "/api/v1/docs", key, "{\"title\":\"x\",\"type\":\"poster\"}").status())
                .isEqualTo(400);

        Reply atLimit = stack.call("POST", "/api/v1/docs", key,
                "{\"title\":\"Big\",\"content\":\"" + "c".repeat(100_000) + "\"}");
        assertThat(atLimit.status()).isEqualTo(201);
        Reply overLimit = stack.call("POST", "/api/v1/docs", key,
                "{\"title\":\"Big\",\"content\":\"" + "c".repeat(100_001) + "\"}");
        assertThat(overLimit.status()).isEqualTo(400);
        assertThat(overLimit.body()).contains("content");

        JsonNode listed = stack.get("/api/v1/docs", key).json().path("documents");
        assertThat(listed.size()).isEqualTo(4);
        listed.forEach(d -> assertThat(d.has("content")).isTrue());
        stack.get("/api/v1/documents?content=false", key).json().path("documents")
                .forEach(d -> assertThat(d.has("content")).isFalse());

        Reply read = stack.get("/api/v1/documents/" + id, key);
        assertThat(read.json()).isEqualTo(markdown.json());
        String etag = read.header("ETag").orElseThrow();
        Reply patched = stack.call("PATCH", "/api/v1/docs/" + id, key, "{\"content\":\"# Changed\"}", "If-Match", etag);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("document").path("title").asText()).isEqualTo("Notes");
        assertThat(stack.call("PUT", "/api/v1/docs/" + id, key, "{\"title\":\"T\"}", "If-Match", etag).status())
                .isEqualTo(412);
        assertThat(stack.call("PATCH", "/api/v1/docs/" + id, key, "{\"type\":\"slide\"}").status())
                .as("type is fixed at creation").isEqualTo(400);
        Reply deleted = stack.call("DELETE", "/api/v1/documents/" + id, key, null);
        assertThat(deleted.statusAndBody()).isEqualTo("200 {\"deleted\":true}");
        assertThat(stack.get("/api/v1/docs/" + id, key).status()).isEqualTo(404);
    }

    @Test
    void subscriptionsAreTheAgentsActiveFeeds() {
        ItStack.NewAgent agent = newAgent();
        Reply extra = stack.call("POST", "/api/dashboard/agents/" + agent.agentId() + "/subscriptions", agent.session(),
                "{\"label\":\"phone\",\"detail\":\"busy\"}");
        String revoked = extra.json().path("subscription").path("id").asText();
        stack.call("DELETE", "/api/dashboard/agents/" + agent.agentId() + "/subscriptions/" + revoked, agent.session(), null);

        Reply list = stack.get("/api/v1/subscriptions", agent.apiKey());

        assertThat(list.status()).isEqualTo(200);
        JsonNode subscriptions = list.json().path("subscriptions");
        assertThat(subscriptions.size()).isEqualTo(1);
        assertThat(subscriptions.get(0).path("id").asText()).isEqualTo(agent.subscriptionId());
        assertThat(ItStack.pathOf(subscriptions.get(0).path("url").asText())).isEqualTo(agent.feedPath());
        assertThat(stack.call("POST", "/api/v1/subscriptions", agent.apiKey(), "{}").status()).isEqualTo(405);
    }

    @Test
    void anIdempotentReplayAnswersTheFirstResponseAndWritesOnce() {
        ItStack.NewAgent agent = newAgent();
        String body = event("Once", "2026-02-01T09:00:00Z", "2026-02-01T10:00:00Z");

        Reply first = stack.call("POST", "/api/v1/events", agent.apiKey(), body, "Idempotency-Key", "k-1");
        Reply replay = stack.call("POST", "/api/v1/events", agent.apiKey(), body, "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isEmpty();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotency-Replayed")).hasValue("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(stack.count("select count(*) from events where agent_id = ?", UUID.fromString(agent.agentId())))
                .isEqualTo(1);

        Reply otherBody = stack.call("POST", "/api/v1/events", agent.apiKey(),
                event("Twice", "2026-02-01T09:00:00Z", "2026-02-01T10:00:00Z"), "Idempotency-Key", "k-1");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().has("error")).isTrue();

        // The same key on another agent is another key.
        ItStack.NewAgent other = newAgent();
        Reply elsewhere = stack.call("POST", "/api/v1/events", other.apiKey(), body, "Idempotency-Key", "k-1");
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.header("Idempotency-Replayed")).isEmpty();
        assertThat(elsewhere.json().path("event").path("id")).isNotEqualTo(first.json().path("event").path("id"));

        String id = first.json().path("event").path("id").asText();
        Reply delete = stack.call("DELETE", "/api/v1/events/" + id, agent.apiKey(), null, "Idempotency-Key", "d-1");
        Reply deleteAgain = stack.call("DELETE", "/api/v1/events/" + id, agent.apiKey(), null, "Idempotency-Key", "d-1");
        assertThat(deleteAgain.statusAndBody()).isEqualTo(delete.statusAndBody()).isEqualTo("200 {\"deleted\":true}");
        assertThat(deleteAgain.header("Idempotency-Replayed")).hasValue("true");

        assertThat(stack.call("POST", "/api/v1/events", agent.apiKey(), body, "Idempotency-Key", "k".repeat(256))
                .status()).isEqualTo(400);
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIsAConflict() throws Exception {
        ItStack.NewAgent agent = newAgent();
        String body = event("Held", "2026-02-01T09:00:00Z", "2026-02-01T10:00:00Z");
        // Another instance is running the first request: it holds the key's transaction lock.
        try (Connection c = stack.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, agent.agentId() + ":held-key");
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                }
            }

            Reply conflict = stack.call("POST", "/api/v1/events", agent.apiKey(), body, "Idempotency-Key", "held-key");
            Reply otherKey = stack.call("POST", "/api/v1/events", agent.apiKey(), body, "Idempotency-Key", "free-key");

            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.json().has("error")).isTrue();
            assertThat(otherKey.status()).isEqualTo(201);
            c.rollback();
        }
        Reply retried = stack.call("POST", "/api/v1/events", agent.apiKey(), body, "Idempotency-Key", "held-key");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).isEmpty();
        assertThat(stack.count("select count(*) from events where agent_id = ?", UUID.fromString(agent.agentId())))
                .isEqualTo(2);
    }

    @Test
    void everyResponseCarriesARequestId() {
        ItStack.NewAgent agent = newAgent();

        Reply echoed = stack.get("/api/v1/me", agent.apiKey(), "X-Request-Id", "req-abc-123");
        Reply generated = stack.get("/api/v1/events/" + UUID.randomUUID(), agent.apiKey());
        Reply unauthorized = stack.get("/api/v1/me", null);
        Reply notARoute = stack.get("/api/v1/nothing-here", agent.apiKey());

        assertThat(echoed.header("X-Request-Id")).hasValue("req-abc-123");
        assertThat(generated.header("X-Request-Id")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
        assertThat(unauthorized.header("X-Request-Id")).isPresent();
        assertThat(notARoute.status()).isEqualTo(404);
        assertThat(notARoute.header("X-Request-Id")).isPresent();
        assertThat(notARoute.json().has("error")).isTrue();
    }
}

package org.agentworkspace.http;

import static org.agentworkspace.http.Fixtures.header;
import static org.agentworkspace.http.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.FeedResponse;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.in.PageQuery;
import org.agentworkspace.core.port.in.SubscriptionInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's routes and the calendar feed, against inbound-port doubles. */
class DashboardAndFeedRoutesTest {
    private static final String AUTH = "Bearer " + StubUseCases.USER_TOKEN;
    private static final SecureRandom RANDOM = new SecureRandom();
    @RegisterExtension
    static final StubbedServer SERVER = new StubbedServer();
    private static final StubUseCases STUBS = SERVER.stubs();

    static Subscription subscription(AgentId agent) {
        return new Subscription(SubscriptionId.random(), agent, FeedToken.generate(RANDOM), "Phone", null,
                FeedDetail.FULL, Fixtures.CREATED, null, null);
    }

    static Agent agent() {
        return new Agent(AgentId.random(), new UserId("user_1"), "Atlas", "Plans things", ZoneId.of("UTC"),
                AgentStatus.READ_ONLY, Fixtures.CREATED, Fixtures.CREATED.plusSeconds(5));
    }

    @Test
    void the_session_may_come_as_bearer_or_cookie() {
        STUBS.getCurrentUser = user -> new User(user.userId(), "a@b.c", "Ada", null, null, Fixtures.CREATED, Fixtures.CREATED);

        HttpResponse<String> bearer = SERVER.get("/api/dashboard/me", "Authorization", AUTH);
        HttpResponse<String> cookie = SERVER.get("/api/dashboard/me", "Cookie", "__session=" + StubUseCases.USER_TOKEN);
        HttpResponse<String> none = SERVER.get("/api/dashboard/me", "Cookie", "__session=forged");

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(json(bearer)).isEqualTo(json("{\"user\":{\"id\":\"user_1\",\"email\":\"a@b.c\",\"firstName\":\"Ada\","
                + "\"lastName\":null,\"imageUrl\":null,\"createdAt\":\"2026-01-10T08:00:00Z\"}}"));
        assertThat(cookie.body()).isEqualTo(bearer.body());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(header(none, "WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void creating_an_agent_shows_its_key_once_with_its_first_feed() {
        Agent agent = agent();
        ApiKey key = ApiKey.generate(RANDOM);
        Subscription subscription = subscription(agent.id());
        AtomicReference<AgentInput> received = new AtomicReference<>();
        STUBS.createAgent = (user, input) -> {
            received.set(input);
            return new NewAgent(agent, key, subscription);
        };

        HttpResponse<String> response = SERVER.sendJson("POST", "/api/dashboard/agents",
                "{\"name\":\"Atlas\",\"timezone\":null}", "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(header(response, "Location")).isEqualTo("/api/dashboard/agents/" + agent.id());
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        var body = json(response);
        assertThat(body.get("apiKey").asText()).isEqualTo(key.reveal());
        assertThat(body.get("agent")).isEqualTo(json("{\"id\":\"" + agent.id() + "\",\"name\":\"Atlas\","
                + "\"description\":\"Plans things\",\"timezone\":\"UTC\",\"createdAt\":\"2026-01-10T08:00:00Z\","
                + "\"status\":\"read_only\",\"updatedAt\":\"2026-01-10T08:00:05Z\"}"));
        assertThat(body.get("subscription").get("id").asText()).isEqualTo(subscription.id().toString());
        assertThat(received.get()).isEqualTo(new AgentInput(Field.of("Atlas"), Field.absent(), Field.ofNull(), Field.absent()));
    }

    @Test
    void status_is_for_updates_only() {
        AtomicReference<AgentInput> received = new AtomicReference<>();
        STUBS.updateAgent = (user, id, input) -> {
            received.set(input);
            return agent();
        };

        HttpResponse<String> create = SERVER.sendJson("POST", "/api/dashboard/agents",
                "{\"name\":\"Atlas\",\"status\":\"active\"}", "Authorization", AUTH);
        HttpResponse<String> update = SERVER.sendJson("PATCH", "/api/dashboard/agents/a1",
                "{\"status\":\"suspended\"}", "Authorization", AUTH);

        assertThat(create.statusCode()).isEqualTo(400);
        assertThat(json(create).get("issues").get(0).get("message").asText())
                .isEqualTo("unknown field 'status'; allowed fields: name, description, timezone");
        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(received.get().status()).isEqualTo(Field.of("suspended"));
    }

    @Test
    void agent_routes_pass_the_path_id_and_wrap_their_answers() {
        Agent agent = agent();
        List<String> calls = new ArrayList<>();
        STUBS.listAgents = user -> List.of(agent);
        STUBS.getAgent = (user, id) -> {
            calls.add("get " + id);
            return agent;
        };
        STUBS.deleteAgent = (user, id) -> calls.add("delete " + id);
        STUBS.regenerateApiKey = (user, id) -> {
            calls.add("key " + id);
            return ApiKey.generate(RANDOM);
        };
        STUBS.listEvents = (principal, id, query) -> {
            calls.add("events " + id + " " + query.limit());
            return List.of(Fixtures.allDayEvent(agent.id()));
        };
        STUBS.listAuditEntries = (user, id, page) -> {
            calls.add("audit " + id + " " + page);
            return List.of(new AuditEntry(AuditEntryId.random(), agent.id(), AuditAction.KEY_REGENERATED,
                    "user:user_1", "API key regenerated", Instant.parse("2026-02-01T10:00:00.250Z")));
        };

        assertThat(json(SERVER.get("/api/dashboard/agents", "Authorization", AUTH)).get("agents").get(0).get("id").asText())
                .isEqualTo(agent.id().toString());
        assertThat(json(SERVER.get("/api/dashboard/agents/a1", "Authorization", AUTH)).get("agent").get("status").asText())
                .isEqualTo("read_only");
        assertThat(json(SERVER.send(SERVER.request("/api/dashboard/agents/a1").DELETE().header("Authorization", AUTH))))
                .isEqualTo(json("{\"deleted\":true}"));
        HttpResponse<String> key = SERVER.send(SERVER.request("/api/dashboard/agents/a1/api-key")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", AUTH));
        assertThat(json(key).get("apiKey").asText()).startsWith("ak_").hasSize(ApiKey.LENGTH);
        assertThat(json(SERVER.get("/api/dashboard/agents/a1/events?limit=5", "Authorization", AUTH))
                .get("events").get(0).get("start").asText()).isEqualTo("2026-03-02");
        var entry = json(SERVER.get("/api/dashboard/agents/a1/audit?limit=2&offset=1", "Authorization", AUTH))
                .get("entries").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("key.regenerated");
        assertThat(entry.get("at").asText()).isEqualTo("2026-02-01T10:00:00.250Z");
        assertThat(calls).containsExactly("get a1", "delete a1", "key a1", "events a1 5",
                "audit a1 " + new PageQuery("2", "1"));
    }

    @Test
    void subscriptions_are_created_listed_rotated_and_revoked() {
        Subscription subscription = subscription(AgentId.random());
        List<String> calls = new ArrayList<>();
        AtomicReference<SubscriptionInput> received = new AtomicReference<>();
        STUBS.createSubscription = (user, agentId, input) -> {
            received.set(input);
            return subscription;
        };
        STUBS.listSubscriptions = (principal, agentId) -> List.of(subscription);
        STUBS.rotateFeedToken = (user, agentId, id) -> {
            calls.add("rotate " + agentId + " " + id);
            return subscription;
        };
        STUBS.revokeSubscription = (user, agentId, id) -> calls.add("revoke " + agentId + " " + id);

        HttpResponse<String> created = SERVER.sendJson("POST", "/api/dashboard/agents/a1/subscriptions",
                "{\"detail\":\"busy\",\"label\":\"Boss\"}", "Authorization", AUTH);
        HttpResponse<String> emptyBody = SERVER.sendJson("POST", "/api/dashboard/agents/a1/subscriptions", "",
                "Authorization", AUTH);
        HttpResponse<String> listed = SERVER.get("/api/dashboard/agents/a1/subscriptions", "Authorization", AUTH);
        HttpResponse<String> rotated = SERVER.send(SERVER.request("/api/dashboard/agents/a1/subscriptions/s1/rotate")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", AUTH));
        HttpResponse<String> revoked = SERVER.send(SERVER.request("/api/dashboard/agents/a1/subscriptions/s1")
                .DELETE().header("Authorization", AUTH));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(header(created, "Location"))
                .isEqualTo("/api/dashboard/agents/" + subscription.agentId() + "/subscriptions/" + subscription.id());
        assertThat(emptyBody.statusCode()).isEqualTo(201);
        assertThat(received.get()).isEqualTo(new SubscriptionInput(Field.absent(), Field.absent(), Field.absent()));
        assertThat(json(listed).get("subscriptions").size()).isEqualTo(1);
        assertThat(json(rotated).get("subscription").get("url").asText()).endsWith(subscription.token().reveal() + ".ics");
        assertThat(json(revoked)).isEqualTo(json("{\"deleted\":true}"));
        assertThat(calls).containsExactly("rotate a1 s1", "revoke a1 s1");
    }

    private static final class CountingFeed implements FeedResponse {
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public String etag() {
            return "\"feed-7\"";
        }

        @Override
        public Instant lastModified() {
            return Instant.parse("2026-01-15T09:00:00Z");
        }

        @Override
        public String contentType() {
            return "text/calendar; charset=utf-8";
        }

        @Override
        public void writeTo(OutputStream out) throws java.io.IOException {
            renders.incrementAndGet();
            out.write("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_feed_is_streamed_without_any_accept_header() {
        CountingFeed feed = new CountingFeed();
        List<String> opened = new ArrayList<>();
        STUBS.serveFeed = (agentId, token, userAgent) -> {
            opened.add(agentId + "/" + token + " " + userAgent);
            return feed;
        };

        HttpResponse<String> response = SERVER.get("/api/cal/a1/tok-en_1.ics", "User-Agent", "Google-Calendar-Importer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        assertThat(header(response, "Content-Type").replace(" ", "")).isEqualTo("text/calendar;charset=utf-8");
        assertThat(header(response, "ETag")).isEqualTo("\"feed-7\"");
        assertThat(header(response, "Last-Modified")).isEqualTo("Thu, 15 Jan 2026 09:00:00 GMT");
        assertThat(header(response, "Cache-Control")).isEqualTo("private, max-age=300");
        assertThat(header(response, "X-Request-Id")).isNotBlank();
        assertThat(opened).containsExactly("a1/tok-en_1 Google-Calendar-Importer");
        assertThat(feed.renders).hasValue(1);
    }

    @Test
    void a_matching_if_none_match_or_a_head_never_renders() {
        CountingFeed feed = new CountingFeed();
        STUBS.serveFeed = (agentId, token, userAgent) -> feed;

        HttpResponse<String> notModified = SERVER.get("/api/cal/a1/t.ics", "If-None-Match", "\"old\", W/\"feed-7\"");
        HttpResponse<String> head = SERVER.send(SERVER.request("/api/cal/a1/t.ics")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> headNotModified = SERVER.send(SERVER.request("/api/cal/a1/t.ics")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("If-None-Match", "\"feed-7\""));
        HttpResponse<String> stale = SERVER.get("/api/cal/a1/t.ics", "If-None-Match", "\"feed-6\"");

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(header(notModified, "ETag")).isEqualTo("\"feed-7\"");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(header(head, "Content-Type").replace(" ", "")).isEqualTo("text/calendar;charset=utf-8");
        assertThat(header(head, "ETag")).isEqualTo("\"feed-7\"");
        assertThat(headNotModified.statusCode()).isEqualTo(304);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(feed.renders).hasValue(1);
    }

    @Test
    void every_feed_failure_is_the_same_404_as_an_unknown_route() {
        STUBS.serveFeed = (agentId, token, userAgent) -> {
            throw new NotFound("Feed");
        };

        HttpResponse<String> wrongToken = SERVER.get("/api/cal/a1/t.ics");
        HttpResponse<String> wrongHead = SERVER.send(SERVER.request("/api/cal/a1/t.ics")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> noSuffix = SERVER.get("/api/cal/a1/t");
        HttpResponse<String> unknown = SERVER.get("/api/cal/a1");

        for (HttpResponse<String> response : List.of(wrongToken, noSuffix, unknown)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"Not found\"}");
            assertThat(header(response, "Content-Type")).isEqualTo(header(wrongToken, "Content-Type"));
        }
        assertThat(wrongHead.statusCode()).isEqualTo(404);
    }

    @Test
    void feed_etags_compare_weakly_for_if_none_match() {
        assertThat(FeedResource.matches("\"a\"", "\"a\"")).isTrue();
        assertThat(FeedResource.matches("W/\"a\"", "\"a\"")).isTrue();
        assertThat(FeedResource.matches("\"b\" , \"a\"", "\"a\"")).isTrue();
        assertThat(FeedResource.matches("*", "\"a\"")).isTrue();
        assertThat(FeedResource.matches("\"b\"", "\"a\"")).isFalse();
        assertThat(FeedResource.matches(null, "\"a\"")).isFalse();
        assertThat(FeedResource.matches("a", "\"a\"")).isFalse();
    }

    @Test
    void a_feed_token_never_reaches_a_log_line() {
        assertThat(RequestIdFilter.loggablePath("api/cal/a1/SECRETTOKEN.ics")).isEqualTo("/api/cal/a1/[token]");
        assertThat(RequestIdFilter.loggablePath("/api/v1/events")).isEqualTo("/api/v1/events");
    }
}

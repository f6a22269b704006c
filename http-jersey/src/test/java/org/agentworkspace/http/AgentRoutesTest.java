package org.agentworkspace.http;

import static org.agentworkspace.http.Fixtures.header;
import static org.agentworkspace.http.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.IdempotencyMismatch;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.IdempotentRequest;
import org.agentworkspace.core.port.in.RunIdempotently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agent API's routes, envelopes, ETags and idempotent writes, against inbound-port doubles. */
class AgentRoutesTest {
    private static final String AUTH = "Bearer " + StubUseCases.AGENT_KEY;
    @RegisterExtension
    static final StubbedServer SERVER = new StubbedServer();
    private static final StubUseCases STUBS = SERVER.stubs();

    @Test
    void me_shows_the_agent_without_owner_details() {
        STUBS.getAgentProfile = agent -> new Agent(agent.agentId(), new UserId("user_1"), "Atlas", null,
                java.time.ZoneId.of("Europe/Berlin"), AgentStatus.ACTIVE, Fixtures.CREATED, Fixtures.CREATED);

        HttpResponse<String> response = SERVER.get("/api/v1/me", "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(json("{\"agent\":{\"id\":\"" + StubUseCases.AGENT.agentId()
                + "\",\"name\":\"Atlas\",\"description\":null,\"timezone\":\"Europe/Berlin\","
                + "\"createdAt\":\"2026-01-10T08:00:00Z\"},\"key\":{\"id\":\"" + StubUseCases.AGENT.keyId()
                + "\",\"label\":\"Default key\",\"scopes\":[\"events:read\",\"events:write\",\"docs:read\",\"docs:write\","
                + "\"webhooks:manage\"],\"expiresAt\":null}}"));
    }

    @Test
    void an_event_is_written_field_for_field_with_utc_instants() {
        Event event = Fixtures.timedEvent(StubUseCases.AGENT.agentId(), 3);
        STUBS.getEvent = (agent, id) -> event;

        HttpResponse<String> response = SERVER.get("/api/v1/events/" + event.id(), "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "ETag")).isEqualTo("\"v3\"");
        assertThat(json(response)).isEqualTo(json("{\"event\":{\"id\":\"" + event.id() + "\",\"title\":\"Standup\","
                + "\"start\":\"2026-01-15T09:00:00Z\",\"end\":\"2026-01-15T09:15:00Z\",\"allDay\":false,"
                + "\"description\":null,\"location\":\"Room 1\",\"rrule\":\"FREQ=DAILY;COUNT=3\","
                + "\"timezone\":\"Europe/Berlin\",\"color\":null,\"createdAt\":\"2026-01-10T08:00:00Z\","
                + "\"updatedAt\":\"2026-01-10T08:01:30Z\",\"cancelledOccurrences\":[],\"modifiedOccurrences\":[]}}"));
    }

    @Test
    void an_all_day_event_names_its_days() {
        Event event = Fixtures.allDayEvent(StubUseCases.AGENT.agentId());
        STUBS.listEvents = (agent, agentId, query) -> List.of(event);

        JsonNode listed = json(SERVER.get("/api/v1/events", "Authorization", AUTH)).get("events").get(0);

        assertThat(listed.get("start").asText()).isEqualTo("2026-03-02");
        assertThat(listed.get("end").asText()).isEqualTo("2026-03-03");
        assertThat(listed.get("allDay").asBoolean()).isTrue();
    }

    @Test
    void list_parameters_reach_core_raw() {
        AtomicReference<EventQuery> received = new AtomicReference<>();
        STUBS.listEvents = (agent, agentId, query) -> {
            received.set(query);
            return List.of();
        };

        HttpResponse<String> response = SERVER.get(
                "/api/v1/events?start_after=2026-01-01T00:00:00%2B01:00&start_before=x&limit=abc&offset=-1&expand=true",
                "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(json("{\"events\":[]}"));
        assertThat(received.get()).isEqualTo(new EventQuery("2026-01-01T00:00:00+01:00", "x", "abc", "-1", "true"));
    }

    @Test
    void creating_an_event_answers_201_with_location_and_etag() {
        STUBS.createEvent = (agent, input) -> Fixtures.timedEvent(agent.agentId(), 1);

        HttpResponse<String> response = SERVER.sendJson("POST", "/api/v1/events",
                "{\"title\":\"Standup\"}", "Authorization", AUTH);

        String id = json(response).get("event").get("id").asText();
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(header(response, "Location")).isEqualTo("/api/v1/events/" + id);
        assertThat(header(response, "ETag")).isEqualTo("\"v1\"");
        assertThat(header(response, "Idempotency-Replayed")).isNull();
    }

    @Test
    void put_and_patch_are_both_partial_updates_with_if_match() {
        List<String> calls = new ArrayList<>();
        STUBS.updateEvent = (agent, id, input, expected) -> {
            calls.add(id + " " + expected + " " + input.title().isPresent() + input.start().isPresent());
            return Fixtures.timedEvent(agent.agentId(), 8);
        };

        HttpResponse<String> put = SERVER.sendJson("PUT", "/api/v1/events/e1", "{\"title\":\"x\"}",
                "Authorization", AUTH, "If-Match", "\"v7\"");
        HttpResponse<String> patch = SERVER.sendJson("PATCH", "/api/v1/events/e2", "{\"title\":\"x\"}",
                "Authorization", AUTH);
        HttpResponse<String> star = SERVER.sendJson("PATCH", "/api/v1/events/e3", "{\"title\":\"x\"}",
                "Authorization", AUTH, "If-Match", "*");

        assertThat(List.of(put.statusCode(), patch.statusCode(), star.statusCode())).containsOnly(200);
        assertThat(header(put, "ETag")).isEqualTo("\"v8\"");
        assertThat(calls).containsExactly("e1 OptionalLong[7] truefalse", "e2 OptionalLong.empty truefalse",
                "e3 OptionalLong.empty truefalse");
    }

    @Test
    void an_if_match_that_matches_nothing_is_412_without_a_write() {
        Event current = Fixtures.timedEvent(StubUseCases.AGENT.agentId(), 5);
        STUBS.getEvent = (agent, id) -> current;
        List<OptionalLong> written = new ArrayList<>();
        STUBS.updateEvent = (agent, id, input, expected) -> {
            written.add(expected);
            return current;
        };
        STUBS.deleteEvent = (agent, id, expected) -> written.add(expected);

        HttpResponse<String> weak = SERVER.sendJson("PATCH", "/api/v1/events/e", "{}", "Authorization", AUTH,
                "If-Match", "W/\"v5\"");
        HttpResponse<String> foreign = SERVER.send(SERVER.request("/api/v1/events/e").DELETE()
                .header("Authorization", AUTH).header("If-Match", "\"abc\""));
        HttpResponse<String> staleList = SERVER.sendJson("PATCH", "/api/v1/events/e", "{}", "Authorization", AUTH,
                "If-Match", "\"v3\", \"v4\"");
        HttpResponse<String> currentInList = SERVER.sendJson("PATCH", "/api/v1/events/e", "{}", "Authorization", AUTH,
                "If-Match", "\"v4\", \"v5\"");

        assertThat(List.of(weak.statusCode(), foreign.statusCode(), staleList.statusCode())).containsOnly(412);
        assertThat(json(weak).get("error").asText()).isEqualTo(new PreconditionFailed().getMessage());
        assertThat(currentInList.statusCode()).isEqualTo(200);
        assertThat(written).containsExactly(OptionalLong.of(5));
    }

    @Test
    void deleting_answers_deleted_true() {
        List<String> deleted = new ArrayList<>();
        STUBS.deleteEvent = (agent, id, expected) -> deleted.add(id + expected);
        STUBS.deleteDocument = (agent, id, expected) -> deleted.add(id + expected);

        HttpResponse<String> event = SERVER.send(SERVER.request("/api/v1/events/e9").DELETE()
                .header("Authorization", AUTH).header("If-Match", "\"v2\""));
        HttpResponse<String> document = SERVER.send(SERVER.request("/api/v1/documents/d9").DELETE()
                .header("Authorization", AUTH));

        assertThat(json(event)).isEqualTo(json("{\"deleted\":true}"));
        assertThat(json(document)).isEqualTo(json("{\"deleted\":true}"));
        assertThat(deleted).containsExactly("e9OptionalLong[2]", "d9OptionalLong.empty");
    }

    @Test
    void documents_answer_on_both_paths_and_omit_content_on_request() {
        Document document = Fixtures.document(StubUseCases.AGENT.agentId(), 2);
        List<Boolean> contentAsked = new ArrayList<>();
        STUBS.listDocuments = (agent, withContent) -> {
            contentAsked.add(withContent);
            return List.of(document);
        };
        STUBS.createDocument = (agent, input) -> document;

        JsonNode full = json(SERVER.get("/api/v1/docs", "Authorization", AUTH)).get("documents").get(0);
        JsonNode lean = json(SERVER.get("/api/v1/documents?content=false", "Authorization", AUTH)).get("documents").get(0);
        HttpResponse<String> created = SERVER.sendJson("POST", "/api/v1/documents",
                "{\"title\":\"Notes\",\"type\":\"markdown\",\"content\":\"# Hi\"}", "Authorization", AUTH);

        assertThat(contentAsked).containsExactly(true, false);
        assertThat(full).isEqualTo(json("{\"id\":\"" + document.id() + "\",\"agentId\":\"" + document.agentId()
                + "\",\"title\":\"Notes\",\"type\":\"markdown\",\"content\":\"# Hi\","
                + "\"createdAt\":\"2026-01-10T08:00:00Z\",\"updatedAt\":\"2026-01-10T08:00:00Z\"}"));
        assertThat(lean.has("content")).isFalse();
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(header(created, "Location")).isEqualTo("/api/v1/documents/" + document.id());
        assertThat(header(created, "ETag")).isEqualTo("\"v2\"");
        assertThat(json(created).get("document").get("content").asText()).isEqualTo("# Hi");
    }

    @Test
    void document_bodies_allow_only_their_fields() {
        HttpResponse<String> response = SERVER.sendJson("PATCH", "/api/v1/docs/d", "{\"body\":\"x\"}",
                "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("issues").get(0).get("message").asText())
                .isEqualTo("unknown field 'body'; allowed fields: title, type, content");
    }

    @Test
    void the_agent_sees_its_feed_urls() {
        var subscription = DashboardAndFeedRoutesTest.subscription(StubUseCases.AGENT.agentId());
        STUBS.listSubscriptions = (principal, agentId) -> List.of(subscription);

        JsonNode listed = json(SERVER.get("/api/v1/subscriptions", "Authorization", AUTH)).get("subscriptions").get(0);

        assertThat(listed.get("url").asText()).isEqualTo(TestServer.PUBLIC_URL + "/api/cal/"
                + subscription.agentId() + "/" + subscription.token().reveal() + ".ics");
        assertThat(listed.get("detail").asText()).isEqualTo("full");
        assertThat(listed.get("lastFetchedAt").isNull()).isTrue();
    }

    /** A faithful double of the inbound port: stores the first response per key and fingerprint. */
    private static final class RememberingRunIdempotently implements RunIdempotently {
        final Map<String, IdempotentRequest> requests = new HashMap<>();
        final Map<String, StoredResponse> responses = new HashMap<>();

        @Override
        public synchronized Outcome run(org.agentworkspace.core.ownership.AgentPrincipal agent,
                                        org.agentworkspace.core.domain.Scope needed, IdempotentRequest request, java.util.function.Supplier<StoredResponse> write) {
            IdempotentRequest earlier = requests.get(request.key());
            if (earlier != null) {
                if (!earlier.fingerprint().equals(request.fingerprint())) {
                    throw new IdempotencyMismatch();
                }
                return new Outcome(responses.get(request.key()), true);
            }
            StoredResponse response = write.get();
            requests.put(request.key(), request);
            responses.put(request.key(), response);
            return new Outcome(response, false);
        }
    }

    @Test
    void an_idempotent_write_replays_its_first_response() {
        RememberingRunIdempotently idempotency = new RememberingRunIdempotently();
        STUBS.runIdempotently = idempotency;
        List<String> created = new ArrayList<>();
        STUBS.createEvent = (agent, input) -> {
            Event event = Fixtures.timedEvent(agent.agentId(), 1);
            created.add(event.id().toString());
            return event;
        };
        String body = "{\"title\":\"Standup\"}";

        HttpResponse<String> first = SERVER.sendJson("POST", "/api/v1/events", body, "Authorization", AUTH,
                "Idempotency-Key", "k-1");
        HttpResponse<String> again = SERVER.sendJson("POST", "/api/v1/events", body, "Authorization", AUTH,
                "Idempotency-Key", "k-1");
        HttpResponse<String> otherBody = SERVER.sendJson("POST", "/api/v1/events", "{\"title\":\"Other\"}",
                "Authorization", AUTH, "Idempotency-Key", "k-1");

        assertThat(created).hasSize(1);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(header(again, "Location")).isEqualTo(header(first, "Location"));
        assertThat(header(again, "ETag")).isEqualTo("\"v1\"");
        assertThat(header(again, "Content-Type")).isEqualTo("application/json;charset=utf-8");
        assertThat(header(again, "Idempotency-Replayed")).isEqualTo("true");
        assertThat(header(first, "Idempotency-Replayed")).isNull();
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(json(otherBody).get("error").asText()).isEqualTo(new IdempotencyMismatch().getMessage());
    }

    @Test
    void the_fingerprint_covers_method_path_and_body() {
        List<IdempotentRequest> seen = new ArrayList<>();
        STUBS.runIdempotently = (agent, needed, request, write) -> {
            seen.add(request);
            return new RunIdempotently.Outcome(new StoredResponse(200, Map.of(), "{}"), false);
        };

        SERVER.sendJson("PATCH", "/api/v1/events/a", "{\"title\":\"x\"}", "Authorization", AUTH, "Idempotency-Key", "k");
        SERVER.sendJson("PATCH", "/api/v1/events/a", "{\"title\":\"x\"}", "Authorization", AUTH, "Idempotency-Key", "k");
        SERVER.sendJson("PUT", "/api/v1/events/a", "{\"title\":\"x\"}", "Authorization", AUTH, "Idempotency-Key", "k");
        SERVER.sendJson("PATCH", "/api/v1/events/b", "{\"title\":\"x\"}", "Authorization", AUTH, "Idempotency-Key", "k");
        SERVER.sendJson("PATCH", "/api/v1/events/a", "{\"title\":\"y\"}", "Authorization", AUTH, "Idempotency-Key", "k");

        assertThat(seen).extracting(IdempotentRequest::key).containsOnly("k");
        assertThat(seen.get(0).fingerprint()).isEqualTo(seen.get(1).fingerprint()).matches("[0-9a-f]{64}");
        assertThat(seen.stream().map(IdempotentRequest::fingerprint).distinct()).hasSize(4);
    }
}

package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.UUID;

/**
 * A user with one agent, its API key, its first feed subscription, one event and one document,
 * all made through the public API the way a real owner and agent would. {@link #anotherAgentOf} makes a
 * second agent of the same user: a sibling, the headline case of isolation (one person, two agents).
 */
record Tenant(String userId, String session, String agentId, String apiKey, String subscriptionId, String feedToken,
              String eventId, String documentId) {

    static Tenant create(Api api, Clerk clerk, String label) {
        String userId = "user_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
        String session = clerk.session(userId);
        Api.Reply me = api.get("/api/dashboard/me", session);
        assertThat(me.status()).as("session provisions %s: %s", userId, me).isEqualTo(200);
        return withNewAgent(api, userId, session, label);
    }

    /** A new agent of {@code owner}'s user, with its own key, subscription, event and document. */
    static Tenant anotherAgentOf(Api api, Tenant owner, String label) {
        return withNewAgent(api, owner.userId(), owner.session(), label);
    }

    private static Tenant withNewAgent(Api api, String userId, String session, String label) {
        Api.Reply created = api.send("POST", "/api/dashboard/agents", session,
                "{\"name\":\"" + label + " agent\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(created.status()).as("agent of %s: %s", label, created).isEqualTo(201);
        JsonNode body = created.json();
        String agentId = body.path("agent").path("id").asText();
        String apiKey = body.path("apiKey").asText();
        String subscriptionId = body.path("subscription").path("id").asText();
        String feedToken = tokenOf(body.path("subscription").path("url").asText());
        Api.Reply event = api.send("POST", "/api/v1/events", apiKey, "{\"title\":\"" + label
                + " secret meeting\",\"start\":\"2026-03-02T09:00:00Z\",\"end\":\"2026-03-02T10:00:00Z\",\"rrule\":\"FREQ=WEEKLY;COUNT=5\"}");
        assertThat(event.status()).as("event of %s: %s", label, event).isEqualTo(201);
        Api.Reply document = api.send("POST", "/api/v1/docs", apiKey,
                "{\"title\":\"" + label + " secret notes\",\"content\":\"# private\"}");
        assertThat(document.status()).as("document of %s: %s", label, document).isEqualTo(201);
        return new Tenant(userId, session, agentId, apiKey, subscriptionId, feedToken,
                event.json().path("event").path("id").asText(), document.json().path("document").path("id").asText());
    }

    /** {@code …/api/cal/{agentId}/{token}.ics} → the token. */
    static String tokenOf(String feedUrl) {
        String path = URI.create(feedUrl).getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.substring(0, last.length() - ".ics".length());
    }

    String feedPath() {
        return "/api/cal/" + agentId + "/" + feedToken + ".ics";
    }
}

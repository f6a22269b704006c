package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.junit.jupiter.api.Test;

/** {@code GET/HEAD /api/cal/{agentId}/{token}.ics} on the real renderer and database. */
class FeedIT extends OnItStack {
    private static int users;

    private static ItStack.NewAgent agentWithEvent() {
        ItStack.NewAgent agent = stack.newUserWithAgent("user_feed" + (++users), "Feed Agent");
        Reply event = stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"title\":\"Secret meeting\",\"start\":\"2026-04-01T09:00:00Z\",\"end\":\"2026-04-01T10:00:00Z\","
                        + "\"description\":\"the plan\",\"location\":\"Room 7\"}");
        assertThat(event.status()).isEqualTo(201);
        return agent;
    }

    /** What a calendar client sends: no Accept header, a User-Agent of its own. */
    private static Reply fetch(String path, String... headers) {
        HttpRequest.Builder request = stack.request(path).GET().header("User-Agent", "Google-Calendar-Importer");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return stack.send(request);
    }

    private static Reply notFoundReference() {
        return fetch("/api/cal/" + UUID.randomUUID() + "/" + "Z".repeat(32) + ".ics");
    }

    @Test
    void aFeedIsServedWithoutAcceptHeaderAndRevalidatesWithItsEtag() {
        ItStack.NewAgent agent = agentWithEvent();

        Reply feed = fetch(agent.feedPath());

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).hasValueSatisfying(v ->
                assertThat(v.replace(" ", "").toLowerCase()).isEqualTo("text/calendar;charset=utf-8"));
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("PRODID:-//AgentWorkspace//Calendar//EN\r\n")
                .contains("METHOD:PUBLISH\r\n").contains("X-WR-CALNAME:Feed Agent\r\n").contains("SUMMARY:Secret meeting\r\n")
                .contains("DESCRIPTION:the plan\r\n").contains("LOCATION:Room 7\r\n").endsWith("END:VCALENDAR\r\n");
        String etag = feed.header("ETag").orElseThrow();
        assertThat(etag).doesNotStartWith("W/");
        assertThat(feed.header("Cache-Control")).isPresent();

        Reply notModified = fetch(agent.feedPath(), "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).hasValue(etag);

        assertThat(fetch(agent.feedPath(), "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
        stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"title\":\"Another\",\"start\":\"2026-04-02T09:00:00Z\",\"end\":\"2026-04-02T10:00:00Z\"}");
        Reply changed = fetch(agent.feedPath(), "If-None-Match", etag);
        assertThat(changed.status()).as("a new event changes the ETag").isEqualTo(200);
        assertThat(changed.body()).contains("SUMMARY:Another");
    }

    @Test
    void deletingTheNewestEventMovesBothValidatorsForward() throws InterruptedException {
        ItStack.NewAgent agent = agentWithEvent();
        Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(),
                "{\"title\":\"Newest\",\"start\":\"2026-04-03T09:00:00Z\",\"end\":\"2026-04-03T10:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        Reply before = fetch(agent.feedPath());
        assertThat(before.body()).contains("SUMMARY:Newest");
        // Last-Modified has whole seconds: let the deletion happen in a later one.
        Thread.sleep(1100);

        Reply deleted = stack.call("DELETE", "/api/v1/events/" + created.json().path("event").path("id").asText(), agent.apiKey(), null);
        assertThat(deleted.status()).isEqualTo(200);

        Reply after = fetch(agent.feedPath(), "If-None-Match", before.header("ETag").orElseThrow());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("SUMMARY:Newest").contains("SUMMARY:Secret meeting");
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        // Before, the newest remaining update time stood in for "last change": a deletion moved it back.
        assertThat(httpDate(after.header("Last-Modified").orElseThrow()))
                .isAfter(httpDate(before.header("Last-Modified").orElseThrow()));
    }

    private static java.time.Instant httpDate(String value) {
        return java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() {
        ItStack.NewAgent agent = agentWithEvent();
        Reply get = fetch(agent.feedPath());

        Reply head = stack.send(stack.request(agent.feedPath()).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : new String[] {"Content-Type", "ETag", "Cache-Control"}) {
            assertThat(head.header(name)).as(name).isEqualTo(get.header(name));
        }
        Reply unknown = stack.send(stack.request("/api/cal/" + UUID.randomUUID() + "/" + "Z".repeat(32) + ".ics")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void rotatingOrRevokingKillsTheOldUrlAtOnce() {
        ItStack.NewAgent agent = agentWithEvent();
        String subscriptions = "/api/dashboard/agents/" + agent.agentId() + "/subscriptions/";
        assertThat(fetch(agent.feedPath()).status()).isEqualTo(200);

        Reply rotated = stack.call("POST", subscriptions + agent.subscriptionId() + "/rotate", agent.session(), null);
        String newPath = ItStack.pathOf(rotated.json().path("subscription").path("url").asText());

        assertThat(fetch(agent.feedPath()).statusAndBody()).isEqualTo(notFoundReference().statusAndBody());
        assertThat(fetch(agent.feedPath()).status()).isEqualTo(404);
        assertThat(fetch(newPath).status()).isEqualTo(200);

        stack.call("DELETE", subscriptions + agent.subscriptionId(), agent.session(), null);
        assertThat(fetch(newPath).statusAndBody()).isEqualTo(notFoundReference().statusAndBody());
    }

    @Test
    void anotherAgentsTokenOrAMalformedTokenIsTheSame404() {
        ItStack.NewAgent a = agentWithEvent();
        ItStack.NewAgent b = agentWithEvent();
        String tokenOfA = a.feedPath().substring(a.feedPath().lastIndexOf('/') + 1);
        String reference = notFoundReference().statusAndBody();

        assertThat(reference).startsWith("404 ");
        assertThat(fetch("/api/cal/" + b.agentId() + "/" + tokenOfA).statusAndBody()).isEqualTo(reference);
        assertThat(fetch("/api/cal/not-a-uuid/" + tokenOfA).statusAndBody()).isEqualTo(reference);
        assertThat(fetch("/api/cal/" + a.agentId() + "/short.ics").statusAndBody()).isEqualTo(reference);
        assertThat(fetch("/api/cal/" + a.agentId() + "/" + "x".repeat(32) + ".ics").statusAndBody()).isEqualTo(reference);
        assertThat(fetch(a.feedPath()).status()).isEqualTo(200);
    }

    @Test
    void busySubscriptionsShowTimesOnly() {
        ItStack.NewAgent agent = agentWithEvent();
        Reply busy = stack.call("POST", "/api/dashboard/agents/" + agent.agentId() + "/subscriptions", agent.session(),
                "{\"detail\":\"busy\"}");

        Reply feed = fetch(ItStack.pathOf(busy.json().path("subscription").path("url").asText()));

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).contains("SUMMARY:Busy\r\n").contains("DTSTART").doesNotContain("Secret")
                .doesNotContain("DESCRIPTION").doesNotContain("LOCATION").doesNotContain("the plan")
                .doesNotContain("Room 7");
    }

    @Test
    void aFetchIsShownToTheOwner() {
        ItStack.NewAgent agent = agentWithEvent();
        Instant before = Instant.now().minus(Duration.ofSeconds(5));

        assertThat(fetch(agent.feedPath()).status()).isEqualTo(200);

        JsonNode listed = stack.get("/api/dashboard/agents/" + agent.agentId() + "/subscriptions", agent.session())
                .json().path("subscriptions");
        JsonNode sub = listed.get(0);
        assertThat(sub.path("id").asText()).isEqualTo(agent.subscriptionId());
        assertThat(Instant.parse(sub.path("lastFetchedAt").asText())).isAfter(before);
        assertThat(sub.path("lastFetchedBy").asText()).isEqualTo("Google-Calendar-Importer");
    }

    @Test
    void anEmptyCalendarIsStillAValidFeed() {
        ItStack.NewAgent agent = stack.newUserWithAgent("user_feed_empty", "Empty");

        Reply feed = fetch(agent.feedPath());

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void aFeedCreatedByTheAgentCreateCommandsUseCaseWorks() {
        UserPrincipal owner = stack.useCases.actAsUser().addUser(
                new UserProfile(new UserId("user_cli"), null, "Cli", null, null));
        NewAgent created = stack.useCases.createAgent().create(owner,
                new AgentInput(Field.of("Cli Agent"), Field.ofNullable(null), Field.ofNullable(null), Field.absent()));
        String url = new FeedUrls(ItStack.PUBLIC_URL).urlOf(created.subscription());

        Reply feed = fetch(ItStack.pathOf(url));
        Reply me = stack.get("/api/v1/me", created.apiKey().reveal());

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).contains("X-WR-CALNAME:Cli Agent\r\n");
        assertThat(me.json().path("agent").path("name").asText()).isEqualTo("Cli Agent");
    }
}

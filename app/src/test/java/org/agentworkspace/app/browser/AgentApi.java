package org.agentworkspace.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What an agent and a calendar app do, with the JDK client: the calls the page never makes. */
final class AgentApi {
    static final String CALENDAR_CLIENT = "BrowserTestCalendar/1.0";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    AgentApi(URI base) {
        this.base = base;
    }

    HttpResponse<String> me(String apiKey) {
        return send(request("/api/v1/me", apiKey).GET());
    }

    HttpResponse<String> createEvent(String apiKey, String json) {
        return send(request("/api/v1/events", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> changeOccurrence(String apiKey, String eventId, String originalStart, String json) {
        return send(request("/api/v1/events/" + eventId + "/occurrences/" + originalStart, apiKey)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> cancelOccurrence(String apiKey, String eventId, String originalStart) {
        return send(request("/api/v1/events/" + eventId + "/occurrences/" + originalStart, apiKey).DELETE());
    }

    HttpResponse<String> createDocument(String apiKey, String json) {
        return send(request("/api/v1/docs", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> fetchFeed(String feedUrl) {
        return send(HttpRequest.newBuilder(URI.create(feedUrl)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", CALENDAR_CLIENT).GET());
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

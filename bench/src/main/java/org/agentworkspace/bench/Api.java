package org.agentworkspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The product's HTTP API as the seeder uses it: JSON in, JSON out, any unexpected status fails. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /**
     * One call that must answer {@code expected}. A 503 (the product's pool had no connection in
     * time, which a loaded machine can cause while seeding) is retried up to five times, a second
     * apart: the product answers 503 only for work it did not do.
     */
    JsonNode send(String method, String path, String bearer, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = raw(method, path, bearer, body);
        for (int retry = 0; retry < 5 && r.statusCode() == 503 && expected != 503; retry++) {
            Thread.sleep(1000);
            r = raw(method, path, bearer, body);
        }
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    HttpResponse<String> raw(String method, String path, String bearer, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

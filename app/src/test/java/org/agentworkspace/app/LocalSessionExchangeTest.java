package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode's sign-in secret is one-time (issue 15): the exchange uses it up, the first start
 * and {@code login} print a fresh one, and later starts only say where to get one.
 */
class LocalSessionExchangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    @Test
    void anExchangeUsesTheSecretUpAndEachAnswerCarriesTheOneTimeSecretForTheNext() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of("PORT", "0", "AW_DATA_DIR", dataDir.toString()));
        try (Application app = Application.open(config)) {
            String printed = app.startupSignIn().orElseThrow();
            assertThat(printed).as("the first start prints a URL").contains("/login#token=");
            RunningServer server = app.startServer();
            try {
                URI base = server.baseUri();
                String secret = printed.substring(printed.indexOf("#token=") + 7);

                HttpResponse<String> first = exchange(base, secret);
                assertThat(first.statusCode()).isEqualTo(200);
                JsonNode answer = JSON.readTree(first.body());
                assertThat(answer.path("session").asText()).isNotEmpty();
                assertThat(answer.path("expiresAt").asText()).isNotEmpty();
                String next = answer.path("token").asText();
                assertThat(next).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(secret);

                assertThat(exchange(base, secret).statusCode()).as("the printed secret, again").isEqualTo(401);
                assertThat(get(base, "/api/dashboard/me", answer.path("session").asText()).statusCode()).isEqualTo(200);

                HttpResponse<String> renewed = exchange(base, next);
                assertThat(renewed.statusCode()).as("the renewal").isEqualTo(200);
                assertThat(exchange(base, next).statusCode()).as("the renewal, again").isEqualTo(401);

                String fresh = app.renewLocalSignIn();
                String renewal = JSON.readTree(renewed.body()).path("token").asText();
                assertThat(exchange(base, renewal).statusCode()).as("a page's secret after login").isEqualTo(401);
                assertThat(exchange(base, fresh.substring(fresh.indexOf("#token=") + 7)).statusCode()).isEqualTo(200);
            } finally {
                server.stopGracefully();
            }
        }
        try (Application app = Application.open(config)) {
            assertThat(app.startupSignIn().orElseThrow()).as("a later start")
                    .doesNotContain("#token=").contains("java -jar").contains(" login");
        }
    }

    private HttpResponse<String> exchange(URI base, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/local/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("token", token).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

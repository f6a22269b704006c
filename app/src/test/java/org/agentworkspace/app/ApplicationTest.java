package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled application on its embedded database: the command line's output works as a
 * credential against the running server, and the data survives a restart.
 */
class ApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void commandLineCredentialsWorkAgainstTheServerAndSurviveARestart() throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "AW_DATA_DIR", dataDir.toString());
        AppConfig config = AppConfig.fromEnvironment(env);
        String key;
        String feedUrlPath;
        try (Application app = Application.open(config)) {
            RunningServer server = app.startServer();
            try {
                assertThat(get(server.baseUri(), "/readyz", null).statusCode()).isEqualTo(200);

                assertThat(cli(env, "user", "add", "--id", "user_123", "--email", "a@b.c")).contains("User user_123 saved");
                String created = cli(env, "agent", "create", "--owner", "user_123", "--name", "Atlas");
                key = find(created, "API key:\\s+(ak_\\S+)");
                feedUrlPath = URI.create(find(created, "feed URL:\\s+(\\S+)")).getPath();

                HttpResponse<String> me = get(server.baseUri(), "/api/v1/me", key);
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(me.body()).contains("\"name\":\"Atlas\"");
                HttpResponse<String> feed = get(server.baseUri(), feedUrlPath, null);
                assertThat(feed.statusCode()).isEqualTo(200);
                assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("X-WR-CALNAME:Atlas");
                assertThat(me.body()).as("agent create prints one all-scope key")
                        .contains("\"scopes\":[\"events:read\",\"events:write\",\"docs:read\",\"docs:write\",\"webhooks:manage\"]");

                String agentId = find(created, "id:\\s+(\\S+)");
                String reader = cli(env, "key", "create", "--agent", agentId, "--label", "CI", "--scopes",
                        "events:read,docs:read", "--expires", "2099-01-01T00:00:00Z");
                String readerKey = find(reader, "API key:\\s+(ak_\\S+)");
                assertThat(reader).contains("scopes:   events:read,docs:read");
                assertThat(get(server.baseUri(), "/api/v1/events", readerKey).statusCode()).isEqualTo(200);
                cli(env, "key", "revoke", "--agent", agentId, "--key", find(reader, "id:\\s+(\\S+)"));
                assertThat(get(server.baseUri(), "/api/v1/me", readerKey).statusCode()).isEqualTo(401);
            } finally {
                server.stopGracefully();
            }
        }

        try (Application app = Application.open(config)) {
            RunningServer server = app.startServer();
            try {
                assertThat(get(server.baseUri(), "/api/v1/me", key).statusCode()).as("same key after a restart").isEqualTo(200);
                assertThat(get(server.baseUri(), feedUrlPath, null).statusCode()).isEqualTo(200);
            } finally {
                server.stopGracefully();
            }
        }
    }

    @Test
    void badConfigurationAndUsageExitWithTwoAndAMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("serve"), Map.of("PORT", "http"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PORT must be a whole number");

        err.reset();
        status = Main.run(List.of("agent", "create", "--name", "x"), Map.of("AW_DATA_DIR", dataDir.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --owner");
    }

    private String cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(URI base, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
        return m.group(1);
    }
}

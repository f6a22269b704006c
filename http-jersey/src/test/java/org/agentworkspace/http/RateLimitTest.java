package org.agentworkspace.http;

import static org.agentworkspace.http.Fixtures.header;
import static org.agentworkspace.http.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.FeedResponse;
import org.agentworkspace.http.limits.Bucket4jRateLimiter;
import org.agentworkspace.http.limits.RateLimitSettings;
import org.agentworkspace.http.limits.TrustedProxies;
import org.agentworkspace.http.metrics.PrometheusMetrics;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limits on real Grizzly servers whose buckets live in a real PostgreSQL database made by
 * the migrations; the use cases behind the routes are inbound-port doubles.
 */
class RateLimitTest {
    private static final Pattern LIMIT = Pattern.compile("\"(\\w+)\";r=(\\d+);t=(\\d+)");
    private static final String OTHER_KEY = org.agentworkspace.core.domain.ApiKey.generate(
            new java.security.SecureRandom()).reveal();

    private final StubUseCases stubs = new StubUseCases();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AgentPrincipal otherAgent = StubUseCases.anotherAgent();
    private DataSource database;

    @BeforeEach
    void database() {
        database = TestDatabases.fresh("schema", FlywayMigrations::migrate).dataSource();
        stubs.authenticateAgent = key -> {
            if (StubUseCases.AGENT_KEY.equals(key)) {
                return StubUseCases.AGENT;
            }
            if (OTHER_KEY.equals(key)) {
                return otherAgent;
            }
            throw new Unauthenticated();
        };
        stubs.getAgentProfile = agent -> new Agent(agent.agentId(), new UserId("user_1"), "Atlas", null,
                ZoneId.of("UTC"), AgentStatus.ACTIVE, Fixtures.CREATED, Fixtures.CREATED);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private TestServer server(RateLimitSettings settings, TrustedProxies proxies) {
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(database, settings);
        TestServer server = new TestServer(stubs.build(), () -> true,
                HttpOperations.limited(limiter, proxies, PrometheusMetrics.withJvmMetrics()));
        open.add(server);
        open.add(limiter);
        return server;
    }

    private static RateLimitSettings limits(long key, long feed, long user, long auth) {
        return new RateLimitSettings(key, feed, user, auth, Duration.ofMinutes(1));
    }

    @Test
    void a_burst_over_the_key_limit_counts_down_then_is_refused_with_retry_after() {
        TestServer server = server(limits(5, 100, 100, 100), TrustedProxies.none());

        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = server.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "RateLimit-Policy")).isEqualTo("\"key\";q=5;w=60");
            remaining.add(limit(response, "key")[0]);
            assertThat(limit(response, "key")[1]).isBetween(1L, 60L);
        }
        HttpResponse<String> refused = server.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY);

        assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused)).isEqualTo(json("{\"error\":\"Too many requests\"}"));
        assertThat(Long.parseLong(header(refused, "Retry-After"))).isBetween(1L, 60L);
        assertThat(header(refused, "RateLimit-Policy")).isEqualTo("\"key\";q=5;w=60");
        assertThat(limit(refused, "key")[0]).isZero();
        assertThat(header(refused, "X-Request-Id")).isNotBlank();
    }

    @Test
    void each_key_has_its_own_bucket() {
        TestServer server = server(limits(2, 100, 100, 100), TrustedProxies.none());
        for (int i = 0; i < 2; i++) {
            server.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY);
        }

        HttpResponse<String> other = server.get("/api/v1/me", "Authorization", "Bearer " + OTHER_KEY);

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(limit(other, "key")[0]).isEqualTo(1L);
    }

    @Test
    void two_instances_on_one_database_share_the_limit() {
        RateLimitSettings settings = limits(4, 100, 100, 100);
        TestServer first = server(settings, TrustedProxies.none());
        TestServer second = server(settings, TrustedProxies.none());

        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestServer instance = i % 2 == 0 ? first : second;
            HttpResponse<String> response = instance.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY);
            assertThat(response.statusCode()).isEqualTo(200);
            remaining.add(limit(response, "key")[0]);
        }

        assertThat(first.port()).isNotEqualTo(second.port());
        assertThat(remaining).containsExactly(3L, 2L, 1L, 0L);
        assertThat(first.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY).statusCode()).isEqualTo(429);
        assertThat(second.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY).statusCode()).isEqualTo(429);
    }

    @Test
    void failed_authentication_is_throttled_per_address_and_never_charged_to_a_key() {
        TestServer server = server(limits(10, 100, 100, 3), TrustedProxies.parse("127.0.0.1"));
        String attacker = "203.0.113.7";
        String holder = "198.51.100.9";

        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = server.get("/api/v1/me", "Authorization", "Bearer ak_guessed" + i,
                    "X-Forwarded-For", attacker);
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(header(failed, "RateLimit-Policy")).isEqualTo("\"auth\";q=3;w=60");
            remaining.add(limit(failed, "auth")[0]);
        }
        HttpResponse<String> throttled = server.get("/api/v1/me", "Authorization", "Bearer ak_guessed",
                "X-Forwarded-For", attacker);
        HttpResponse<String> stillThrottled = server.get("/api/dashboard/me", "Authorization", "Bearer nonsense",
                "X-Forwarded-For", attacker);
        HttpResponse<String> holderElsewhere = server.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY,
                "X-Forwarded-For", holder);

        assertThat(remaining).containsExactly(2L, 1L, 0L);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(json(throttled)).isEqualTo(json("{\"error\":\"Too many requests\"}"));
        assertThat(Long.parseLong(header(throttled, "Retry-After"))).isBetween(1L, 60L);
        assertThat(limit(throttled, "auth")[0]).isZero();
        assertThat(stillThrottled.statusCode()).isEqualTo(429);
        assertThat(holderElsewhere.statusCode()).isEqualTo(200);
        // The key's bucket saw only its holder's own request.
        assertThat(limit(holderElsewhere, "key")[0]).isEqualTo(9L);
    }

    @Test
    void a_forwarded_address_from_an_untrusted_peer_is_ignored() {
        TestServer server = server(limits(10, 100, 100, 2), TrustedProxies.none());

        server.get("/api/v1/me", "Authorization", "Bearer ak_bad", "X-Forwarded-For", "203.0.113.1");
        server.get("/api/v1/me", "Authorization", "Bearer ak_bad", "X-Forwarded-For", "203.0.113.2");
        HttpResponse<String> third = server.get("/api/v1/me", "Authorization", "Bearer ak_bad",
                "X-Forwarded-For", "203.0.113.3");

        assertThat(third.statusCode()).isEqualTo(429);
    }

    @Test
    void the_blocked_address_is_learnt_by_another_instance_from_the_shared_bucket() {
        RateLimitSettings settings = limits(10, 100, 100, 2);
        TestServer first = server(settings, TrustedProxies.none());
        TestServer second = server(settings, TrustedProxies.none());
        // Well-formed keys that match no agent: each refusal cost a lookup, so it counts everywhere.
        first.get("/api/v1/me", "Authorization", "Bearer " + wellFormedUnknownKey());
        first.get("/api/v1/me", "Authorization", "Bearer " + wellFormedUnknownKey());

        HttpResponse<String> elsewhere = second.get("/api/v1/me", "Authorization", "Bearer " + wellFormedUnknownKey());

        assertThat(elsewhere.statusCode()).isEqualTo(429);
    }

    @Test
    void a_valid_key_still_works_from_an_address_that_used_up_its_failures() {
        TestServer server = server(limits(10, 100, 100, 2), TrustedProxies.none());
        server.get("/api/v1/me", "Authorization", "Bearer " + wellFormedUnknownKey());
        server.get("/api/v1/me", "Authorization", "Bearer " + wellFormedUnknownKey());
        HttpResponse<String> blocked = server.get("/api/v1/me", "Authorization", "Bearer " + wellFormedUnknownKey());

        HttpResponse<String> valid = server.get("/api/v1/me", "Authorization", "Bearer " + StubUseCases.AGENT_KEY);
        HttpResponse<String> stillBlocked = server.get("/api/v1/me", "Authorization", "Bearer ak_bad");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(valid.statusCode()).as("issue 15: the quota of failures is not a lockout").isEqualTo(200);
        assertThat(stillBlocked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(header(stillBlocked, "Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void garbage_credentials_are_throttled_without_a_database_round_trip() throws Exception {
        RateLimitSettings settings = limits(10, 100, 100, 2);
        TestServer first = server(settings, TrustedProxies.none());
        TestServer second = server(settings, TrustedProxies.none());

        HttpResponse<String> one = first.get("/api/v1/me", "Authorization", "Bearer ak_bad");
        HttpResponse<String> two = first.get("/api/dashboard/me", "Authorization", "Bearer not.a.jwt");
        HttpResponse<String> three = first.get("/api/v1/me", "Authorization", "Bearer ak_worse");
        HttpResponse<String> elsewhere = second.get("/api/v1/me", "Authorization", "Bearer ak_bad");

        assertThat(one.statusCode()).isEqualTo(401);
        assertThat(limit(one, "auth")[0]).isEqualTo(1L);
        assertThat(two.statusCode()).isEqualTo(401);
        assertThat(three.statusCode()).as("this instance's own count ran out").isEqualTo(429);
        assertThat(elsewhere.statusCode()).as("counted per instance, not shared").isEqualTo(401);
        try (java.sql.Connection c = database.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select count(*) from rate_limit_buckets where id like 'auth:%'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no bucket row was read or written for a garbage credential").isZero();
        }
    }

    private static String wellFormedUnknownKey() {
        return org.agentworkspace.core.domain.ApiKey.generate(new java.security.SecureRandom()).reveal();
    }

    @Test
    void a_feed_token_is_limited_without_rendering_the_refused_fetch_and_wrong_tokens_charge_the_address() {
        AtomicInteger renders = new AtomicInteger();
        stubs.serveFeed = (agentId, token, userAgent) -> {
            if (!token.equals("tok_good")) {
                throw new NotFound("Feed");
            }
            return feed(renders);
        };
        TestServer server = server(limits(100, 2, 100, 5), TrustedProxies.none());

        HttpResponse<String> wrong = server.get("/api/cal/a1/tok_bad.ics");
        HttpResponse<String> first = server.get("/api/cal/a1/tok_good.ics");
        HttpResponse<String> second = server.get("/api/cal/a1/tok_good.ics");
        HttpResponse<String> refused = server.get("/api/cal/a1/tok_good.ics");

        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(limit(wrong, "auth")[0]).isEqualTo(4L);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "RateLimit-Policy")).isEqualTo("\"feed\";q=2;w=60");
        assertThat(limit(first, "feed")[0]).isEqualTo(1L);
        assertThat(limit(second, "feed")[0]).isZero();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(header(refused, "Retry-After")).isNotBlank();
        assertThat(header(refused, "ETag")).isNull();
        assertThat(json(refused)).isEqualTo(json("{\"error\":\"Too many requests\"}"));
        assertThat(renders).hasValue(2);
    }

    @Test
    void the_dashboard_api_is_limited_per_user() {
        stubs.getCurrentUser = user -> new User(user.userId(), "a@b.c", "Ada", null, null,
                Fixtures.CREATED, Fixtures.CREATED);
        TestServer server = server(limits(100, 100, 2, 100), TrustedProxies.none());

        HttpResponse<String> first = server.get("/api/dashboard/me", "Authorization", "Bearer " + StubUseCases.USER_TOKEN);
        server.get("/api/dashboard/me", "Authorization", "Bearer " + StubUseCases.USER_TOKEN);
        HttpResponse<String> refused = server.get("/api/dashboard/me", "Authorization", "Bearer " + StubUseCases.USER_TOKEN);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "RateLimit-Policy")).isEqualTo("\"user\";q=2;w=60");
        assertThat(limit(first, "user")[0]).isEqualTo(1L);
        assertThat(refused.statusCode()).isEqualTo(429);
    }

    @Test
    void unlimited_routes_carry_no_rate_limit_fields() {
        TestServer server = server(limits(1, 1, 1, 1), TrustedProxies.none());

        HttpResponse<String> health = server.get("/healthz");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(header(health, "RateLimit")).isNull();
    }

    /** {remaining, reset seconds} of the response's RateLimit field for that partition. */
    private static long[] limit(HttpResponse<String> response, String partition) {
        String value = header(response, "RateLimit");
        assertThat(value).as("RateLimit field").isNotNull();
        Matcher m = LIMIT.matcher(value);
        assertThat(m.matches()).as("RateLimit syntax: " + value).isTrue();
        assertThat(m.group(1)).isEqualTo(partition);
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static FeedResponse feed(AtomicInteger renders) {
        return new FeedResponse() {
            @Override
            public String etag() {
                return "\"feed-1\"";
            }

            @Override
            public Instant lastModified() {
                return Fixtures.CREATED;
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
        };
    }
}

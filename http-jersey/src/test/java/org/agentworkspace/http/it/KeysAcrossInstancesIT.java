package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 across instances: two servers in one JVM on one PostgreSQL, as two instances behind a
 * load balancer, their use cases reading one clock the test moves (no sleeps). Whatever one
 * instance changes about a key — a revocation, a rotation and its grace, an expiry reached — the
 * other honours on its very next request, because each request asks the database and the
 * deadlines are compared with the one clock.
 */
class KeysAcrossInstancesIT {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final MovableClock CLOCK = new MovableClock();
    private static ItStack one;
    private static ItStack two;
    private ItStack.NewAgent agent;

    @BeforeAll
    static void start() {
        one = ItStack.start(CLOCK);
        two = one.secondInstance(CLOCK);
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    @BeforeEach
    void newAgent() {
        CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        agent = one.newUserWithAgent("user_keys" + USERS.incrementAndGet(), "Atlas");
    }

    private String keysPath() {
        return "/api/dashboard/agents/" + agent.agentId() + "/keys";
    }

    private JsonNode createKey(ItStack on, String body) {
        Reply created = on.call("POST", keysPath(), agent.session(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).contains(keysPath() + "/" + created.json().path("key").path("id").asText());
        return created.json();
    }

    private static int me(ItStack on, String key) {
        return on.get("/api/v1/me", key).status();
    }

    private static void assertRefused(ItStack on, String key) {
        Reply reply = on.get("/api/v1/me", key);
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer");
        assertThat(reply.json().path("error").asText()).isEqualTo("Unauthorized");
    }

    private List<String> auditActions() {
        Reply audit = one.get("/api/dashboard/agents/" + agent.agentId() + "/audit", agent.session());
        return audit.json().path("entries").findValuesAsText("action");
    }

    @Test
    void a_key_revoked_on_one_instance_is_refused_on_the_next_request_on_the_other() {
        JsonNode ci = createKey(one, "{\"label\":\"CI\",\"scopes\":[\"events:read\"]}");
        String secret = ci.path("apiKey").asText();
        assertThat(me(two, secret)).isEqualTo(200);

        Reply revoked = one.call("DELETE", keysPath() + "/" + ci.path("key").path("id").asText(), agent.session(), null);
        assertThat(revoked.json().path("deleted").asBoolean()).isTrue();

        assertRefused(two, secret);
        assertRefused(one, secret);
        assertThat(me(two, agent.apiKey())).as("the agent's other key is untouched").isEqualTo(200);
        assertThat(auditActions()).contains("key.created", "key.revoked");
    }

    @Test
    void a_rotated_secret_works_on_both_instances_until_the_grace_deadline_and_then_on_neither() {
        String keyId = one.get(keysPath(), agent.session()).json().path("keys").get(0).path("id").asText();
        Reply rotated = one.call("POST", keysPath() + "/" + keyId + "/rotate", agent.session(), "{\"graceSeconds\":120}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().path("key").path("id").asText()).isEqualTo(keyId);
        String fresh = rotated.json().path("apiKey").asText();
        assertThat(rotated.json().path("key").path("prefix").asText()).isEqualTo(fresh.substring(0, 8));

        CLOCK.advance(Duration.ofSeconds(119));
        assertThat(me(two, agent.apiKey())).isEqualTo(200);
        assertThat(me(one, agent.apiKey())).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(1));
        assertRefused(two, agent.apiKey());
        assertRefused(one, agent.apiKey());
        assertThat(me(two, fresh)).isEqualTo(200);
        assertThat(me(one, fresh)).isEqualTo(200);
        assertThat(auditActions()).contains("key.rotated");
    }

    @Test
    void a_rotation_without_grace_fails_the_old_secret_on_the_other_instances_next_request() {
        String keyId = one.get(keysPath(), agent.session()).json().path("keys").get(0).path("id").asText();
        Reply rotated = one.call("POST", keysPath() + "/" + keyId + "/rotate", agent.session(), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertRefused(two, agent.apiKey());
        assertThat(me(two, rotated.json().path("apiKey").asText())).isEqualTo(200);
    }

    @Test
    void a_key_expires_on_both_instances_at_its_instant_like_an_unknown_key_and_the_use_is_audited() {
        Instant expiry = CLOCK.instant().plus(Duration.ofHours(1));
        JsonNode shortLived = createKey(two, "{\"label\":\"research\",\"expiresAt\":\"" + expiry + "\"}");
        assertThat(shortLived.path("key").path("expiresAt").asText()).isEqualTo(expiry.toString());
        String secret = shortLived.path("apiKey").asText();
        assertThat(me(one, secret)).isEqualTo(200);

        CLOCK.advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(me(two, secret)).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(1));
        assertRefused(one, secret);
        assertRefused(two, secret);
        assertThat(auditActions().stream().filter("key.expired_used"::equals)).hasSize(1);
        assertThat(one.get(keysPath(), agent.session()).json().path("keys")).hasSize(2);
    }

    @Test
    void last_used_moves_at_most_once_a_minute_whichever_instance_serves() {
        Instant first = CLOCK.instant();
        for (int i = 0; i < 10; i++) {
            assertThat(me(i % 2 == 0 ? one : two, agent.apiKey())).isEqualTo(200);
            CLOCK.advance(Duration.ofSeconds(5));
        }
        assertThat(lastUsedAt()).isEqualTo(first);
        assertThat(one.count("select count(*) from api_keys where agent_id = ?::uuid and last_used_at = ?::timestamptz",
                agent.agentId(), first.toString())).as("no write after the first within the minute").isEqualTo(1);
        CLOCK.advance(Duration.ofSeconds(11));
        Instant later = CLOCK.instant();
        assertThat(me(two, agent.apiKey())).isEqualTo(200);
        assertThat(lastUsedAt()).isEqualTo(later);
    }

    @Test
    void me_shows_the_calling_key_and_a_missing_scope_is_named() {
        JsonNode reader = createKey(one, "{\"label\":\"reader\",\"scopes\":[\"docs:read\",\"events:read\"]}");
        String secret = reader.path("apiKey").asText();
        JsonNode me = two.get("/api/v1/me", secret).json();
        assertThat(me.path("agent").path("id").asText()).isEqualTo(agent.agentId());
        assertThat(me.path("key").path("id").asText()).isEqualTo(reader.path("key").path("id").asText());
        assertThat(me.path("key").path("label").asText()).isEqualTo("reader");
        assertThat(me.path("key").path("scopes").toString()).isEqualTo("[\"events:read\",\"docs:read\"]");
        assertThat(me.path("key").path("expiresAt").isNull()).isTrue();

        Reply refused = two.call("POST", "/api/v1/events", secret,
                "{\"title\":\"t\",\"start\":\"2026-03-01T09:00:00Z\",\"end\":\"2026-03-01T10:00:00Z\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":\"This key lacks the scope events:write\"}");
    }

    @Test
    void regenerating_revokes_every_key_of_the_agent_on_every_instance() {
        String ci = createKey(one, "{\"label\":\"CI\"}").path("apiKey").asText();
        Reply regenerated = two.call("POST", "/api/dashboard/agents/" + agent.agentId() + "/api-key", agent.session(), null);
        String fresh = regenerated.json().path("apiKey").asText();
        assertRefused(one, ci);
        assertRefused(one, agent.apiKey());
        JsonNode me = one.get("/api/v1/me", fresh).json();
        assertThat(me.path("key").path("scopes")).hasSize(5);
        assertThat(one.get(keysPath(), agent.session()).json().path("keys")).hasSize(1);
    }

    @Test
    void bad_key_bodies_are_refused_with_every_issue_named() {
        Reply bad = one.call("POST", keysPath(), agent.session(),
                "{\"label\":\"\",\"scopes\":[\"calendar:all\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("issues").findValuesAsText("path")).containsExactly("label", "scopes", "expiresAt");
        Reply unknown = one.call("POST", keysPath(), agent.session(), "{\"scope\":[]}");
        assertThat(unknown.status()).isEqualTo(400);
        String keyId = one.get(keysPath(), agent.session()).json().path("keys").get(0).path("id").asText();
        Reply grace = one.call("POST", keysPath() + "/" + keyId + "/rotate", agent.session(), "{\"graceSeconds\":86401}");
        assertThat(grace.status()).isEqualTo(400);
        Reply stranger = one.get(keysPath(), ItStack.session("user_stranger"));
        assertThat(stranger.status()).isEqualTo(404);
        Reply noSuchKey = one.call("DELETE", keysPath() + "/" + java.util.UUID.randomUUID(), agent.session(), null);
        assertThat(noSuchKey.status()).isEqualTo(404);
    }

    private Instant lastUsedAt() {
        String text = one.get(keysPath(), agent.session()).json().path("keys").get(0).path("lastUsedAt").asText();
        return Instant.parse(text);
    }

    /** One clock for both instances, moved by the test. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the use cases read instants only");
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}

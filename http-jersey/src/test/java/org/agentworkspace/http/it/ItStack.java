package org.agentworkspace.http.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.svix.Webhook;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.agentworkspace.clerk.ClerkSettings;
import org.agentworkspace.clerk.ClerkWebhookResource;
import org.agentworkspace.clerk.NimbusSessionVerifier;
import org.agentworkspace.clerk.PemSessionKeys;
import org.agentworkspace.clerk.SvixWebhookVerifier;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.fakes.AnyWebhookTarget;
import org.agentworkspace.core.port.out.WebhookBodies;
import org.agentworkspace.core.port.out.WebhookTransport;
import org.agentworkspace.core.usecase.Ports;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.SyncPorts;
import org.agentworkspace.core.usecase.SyncSettings;
import org.agentworkspace.core.usecase.SyncUseCases;
import org.agentworkspace.core.usecase.UseCases;
import org.agentworkspace.http.AgentWorkspaceHttp;
import org.agentworkspace.http.HttpSettings;
import org.agentworkspace.http.SyncHttpUseCases;
import org.agentworkspace.http.openapi.RouteInventory;
import org.agentworkspace.ics.BiweeklyRecurrenceExpander;
import org.agentworkspace.ics.IcsFeedRenderer;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.persistence.JooqPersistence;
import org.agentworkspace.persistence.PooledDataSources;
import org.agentworkspace.testing.TestDatabases;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The application's stack, wired as {@code Application} wires it, on a fresh migrated database and
 * a Grizzly server on a random port. Sessions are verified by {@link NimbusSessionVerifier} over a
 * test RSA key given as PEM (as {@code CLERK_JWT_KEY} would be), with an issuer and authorized
 * parties configured; webhooks by {@link SvixWebhookVerifier} with a test secret.
 */
final class ItStack implements AutoCloseable {
    static final String PUBLIC_URL = "https://cal.example.test";
    static final String ISSUER = "https://clerk.example.test";
    static final String ORIGIN = "https://app.example.test";
    /** Generating RSA keys is slow; one pair for every stack of the run. */
    static final KeyPair CLERK_KEYS = rsaKeyPair();

    final String webhookSecret = newWebhookSecret();
    private final TestDatabases.Database database;
    private final HikariDataSource pool;
    final UseCases useCases;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final URI base;
    /** Every route the stack serves, from Jersey's own resource model. */
    final Set<RouteInventory.Route> routes;

    private ItStack(TestDatabases.Database database, Clock clock) {
        this.database = database;
        TestDatabases.Server s = database.server();
        pool = PooledDataSources.create(s.jdbcUrl(database.name()), TestDatabases.RUNTIME_ROLE,
                TestDatabases.ROLE_PASSWORD, 8);
        JooqPersistence persistence = JooqPersistence.create(pool);
        NimbusSessionVerifier sessions = new NimbusSessionVerifier(new PemSessionKeys(pem(CLERK_KEYS)),
                ClerkSettings.of(Optional.of(ISSUER), Set.of(ORIGIN)));
        Ports ports = new Ports(persistence.transactions(), persistence.credentials(), persistence.users(),
                persistence.agents(), persistence.events(), persistence.documents(), persistence.subscriptions(),
                persistence.apiKeys(), persistence.audit(), persistence.idempotency(),
                persistence.processedWebhooks(), new BiweeklyRecurrenceExpander(), new IcsFeedRenderer(), sessions);
        Settings defaults = Settings.defaults();
        useCases = UseCases.create(ports,
                new Settings(clock, defaults.random(), defaults.feedRefreshInterval(), defaults.idempotencyTtl()));
        UseCases u = useCases;
        ResourceConfig config = AgentWorkspaceHttp.resourceConfig(HttpSettings.of(new FeedUrls(PUBLIC_URL)), u,
                () -> true);
        config.register(new ClerkWebhookResource(Optional.of(new SvixWebhookVerifier(webhookSecret)), u.syncUsers()));
        SyncUseCases sync = syncUseCases(persistence);
        new SyncHttpUseCases(sync.listChanges(), sync.createWebhook(), sync.listWebhooks(), sync.deleteWebhook(),
                sync.listWebhookDeliveries()).register(config);
        routes = RouteInventory.of(config);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
    }

    /**
     * The change log and webhook routes as the app wires them, with every endpoint address allowed
     * and nothing ever sent: no delivery worker runs here (the webhook-sender module tests sending).
     */
    private static SyncUseCases syncUseCases(JooqPersistence persistence) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        byte[] cursorKey = persistence.serverSecret("sync-cursor-key", candidate);
        WebhookTransport neverSends = (url, headers, body) -> {
            throw new IllegalStateException("no webhook is sent by the HTTP test stack");
        };
        WebhookBodies noBodies = message -> {
            throw new IllegalStateException("no webhook is sent by the HTTP test stack");
        };
        SyncPorts ports = new SyncPorts(persistence.transactions(), persistence.agents(), persistence.audit(),
                persistence.changes(), persistence.changes(), persistence.webhooks(), persistence.webhookOutbox(),
                new AnyWebhookTarget(), neverSends, noBodies);
        return SyncUseCases.create(ports, Settings.defaults(), SyncSettings.defaults(cursorKey));
    }

    static ItStack start() {
        return start(Clock.systemUTC());
    }

    /** A stack whose use cases read {@code clock} (expiry, grace, "last used"). */
    static ItStack start(Clock clock) {
        // Migrated by the owner role, served by the runtime role: the requests go through row-level security.
        return new ItStack(TestDatabases.fresh("schema_rls",
                owner -> FlywayMigrations.migrate(owner, TestDatabases.RUNTIME_ROLE)), clock);
    }

    /** Another instance on this stack's database, as a second server behind a load balancer would be. */
    ItStack secondInstance(Clock clock) {
        return new ItStack(database, clock);
    }

    // ---- HTTP

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code body} null sends none; {@code headers} are name, value pairs. */
    Reply call(String method, String path, String bearer, String body, String... headers) {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    Reply get(String path, String bearer, String... headers) {
        return call("GET", path, bearer, null, headers);
    }

    /** A feed URL as the API shows it, fetched from this server. */
    static String pathOf(String url) {
        if (!url.startsWith(PUBLIC_URL + "/")) {
            throw new IllegalArgumentException("not one of our feed URLs: " + url);
        }
        return url.substring(PUBLIC_URL.length());
    }

    // ---- dashboard sessions

    /** Claims of a valid Clerk session for {@code userId}: issued now, one minute left. */
    static JWTClaimsSet.Builder claims(String userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(userId).issuer(ISSUER).claim("azp", ORIGIN).claim("sid", "sess_it")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(60)));
    }

    static String sign(JWTClaimsSet claims, KeyPair keys) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ins_test").build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String session(String userId) {
        return sign(claims(userId).build(), CLERK_KEYS);
    }

    /** A new user, provisioned by its first dashboard call, with one agent. */
    NewAgent newUserWithAgent(String userId, String agentName) {
        String session = session(userId);
        Reply created = call("POST", "/api/dashboard/agents", session,
                "{\"name\":\"" + agentName + "\",\"timezone\":\"Europe/Berlin\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("agent not created: " + created);
        }
        return NewAgent.of(userId, session, created.json());
    }

    /** What the dashboard answered when an agent was created, with the caller's session. */
    record NewAgent(String userId, String session, String agentId, String apiKey, String subscriptionId,
                    String feedPath) {
        static NewAgent of(String userId, String session, JsonNode created) {
            return new NewAgent(userId, session, created.path("agent").path("id").asText(),
                    created.path("apiKey").asText(), created.path("subscription").path("id").asText(),
                    pathOf(created.path("subscription").path("url").asText()));
        }
    }

    // ---- webhooks

    Reply deliver(String svixId, long timestamp, String payload) {
        return deliver(svixId, Long.toString(timestamp), signature(svixId, timestamp, payload), payload);
    }

    Reply deliver(String svixId, String timestamp, String signature, String payload) {
        HttpRequest.Builder request = request("/api/webhooks/clerk")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (svixId != null) {
            request.header("svix-id", svixId);
        }
        if (timestamp != null) {
            request.header("svix-timestamp", timestamp);
        }
        if (signature != null) {
            request.header("svix-signature", signature);
        }
        return send(request);
    }

    String signature(String svixId, long timestamp, String payload) {
        return signature(webhookSecret, svixId, timestamp, payload);
    }

    static String signature(String secret, String svixId, long timestamp, String payload) {
        try {
            return new Webhook(secret).sign(svixId, timestamp, payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String newWebhookSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static String newDeliveryId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String userCreated(String userId, String email, String firstName) {
        return "{\"type\":\"user.created\",\"object\":\"event\",\"data\":{\"id\":\"" + userId + "\",\"object\":\"user\","
                + "\"primary_email_address_id\":\"idn_1\",\"email_addresses\":[{\"id\":\"idn_1\",\"email_address\":\""
                + email + "\"}],\"first_name\":\"" + firstName + "\",\"last_name\":null,\"image_url\":null}}";
    }

    static String userDeleted(String userId) {
        return "{\"type\":\"user.deleted\",\"object\":\"event\",\"data\":{\"id\":\"" + userId
                + "\",\"object\":\"user\",\"deleted\":true}}";
    }

    // ---- the database, read directly as its superuser: the inspector must see every row

    Connection connection() throws SQLException {
        return database.dataSource().getConnection();
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnLabel(i), value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes)
                                : value == null ? null : value.toString());
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... args) {
        return Long.parseLong(String.valueOf(rows(sql, args).get(0).values().iterator().next()));
    }

    /** Every row an agent owns, in every table that holds agent data, in a stable order. */
    Map<String, List<Map<String, Object>>> snapshotOfAgent(String agentId) {
        UUID id = UUID.fromString(agentId);
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        snapshot.put("agents", rows("select * from agents where id = ?", id));
        snapshot.put("calendars", rows("select * from calendars where agent_id = ?", id));
        snapshot.put("events", rows("select * from events where agent_id = ? order by id", id));
        snapshot.put("event_exceptions", rows(
                "select * from event_exceptions where agent_id = ? order by event_id, original_start", id));
        snapshot.put("documents", rows("select * from documents where agent_id = ? order by id", id));
        snapshot.put("subscriptions", rows("select * from subscriptions where agent_id = ? order by id", id));
        snapshot.put("api_keys", rows("select * from api_keys where agent_id = ? order by id", id));
        snapshot.put("audit_entries", rows("select * from audit_entries where agent_id = ? order by id", id));
        snapshot.put("idempotency_records", rows("select * from idempotency_records where agent_id = ? order by key", id));
        return snapshot;
    }

    /** Row counts of every table, to prove a refused request changed nothing. */
    Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("users", "user_tombstones", "agents", "calendars", "events", "event_exceptions", "documents",
                "subscriptions", "api_keys", "audit_entries", "idempotency_records", "processed_webhooks")) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        pool.close();
    }
}

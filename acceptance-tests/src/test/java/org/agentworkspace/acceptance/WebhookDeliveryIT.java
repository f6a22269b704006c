package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.svix.Webhook;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Webhooks to agents end to end, on the real jar and one PostgreSQL: a message queued in the
 * write's transaction survives {@code kill -9} before anything was sent and goes out after the
 * restart with the same {@code webhook-id}; two instances on one database send each message once
 * per attempt; a receiver that fails first gets the retry; every delivery verifies with the Svix
 * library; and without AW_WEBHOOK_ALLOW_PRIVATE a loopback endpoint is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryIT {
    /** Long enough for a jar under load to poll, send and record; the tests end as soon as it happened. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private PostgresServer postgres;
    private Clerk clerk;
    private Map<String, String> env;
    private HttpServer receiver;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private AppProcess sender;
    private Tenant tenant;
    private String secret;

    record Delivery(String path, String id, String timestamp, String signature, String body) {
    }

    @BeforeAll
    void start() throws IOException {
        Path dir = Knobs.workDir().resolve("webhooks-" + System.nanoTime());
        postgres = PostgresServer.startFresh(dir.resolve("pg"));
        clerk = new Clerk();
        env = new HashMap<>(SharedStack.environment(postgres, clerk, dir));
        env.put("AW_WEBHOOK_ALLOW_PRIVATE", "true");
        env.put("AW_WEBHOOK_POLL_MILLIS", "200");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.add(new Delivery(exchange.getRequestURI().getPath(), id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean fail = exchange.getRequestURI().getPath().equals("/flaky") && failFirst.merge(id, 1, Integer::sum) == 1;
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        if (sender != null) {
            sender.close();
        }
        receiver.stop(0);
        postgres.close();
    }

    @Test
    @Order(1)
    void aMessageQueuedBeforeKillMinusNineIsSentAfterTheRestartWithTheSameId() throws Exception {
        Map<String, String> quiet = new HashMap<>(env);
        quiet.put("AW_WEBHOOK_SENDER", "false");
        AppProcess first = AppProcess.start("webhooks-no-sender", quiet);
        Api api = new Api(first.baseUri());
        tenant = Tenant.create(api, clerk, "hooked");
        Api.Reply hook = api.send("POST", "/api/v1/webhooks", tenant.apiKey(), "{\"url\":\"" + receiverUrl("/hook") + "\"}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        secret = hook.json().path("webhook").path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        String hookId = hook.json().path("webhook").path("id").asText();

        Api.Reply event = api.send("POST", "/api/v1/events", tenant.apiKey(),
                "{\"title\":\"Announced\",\"start\":\"2026-05-01T09:00:00Z\",\"end\":\"2026-05-01T10:00:00Z\"}");
        assertThat(event.status()).isEqualTo(201);
        JsonNode queued = api.get("/api/v1/webhooks/" + hookId + "/deliveries", tenant.apiKey()).json().path("deliveries");
        assertThat(queued).hasSize(1);
        String messageId = queued.get(0).path("id").asText();
        assertThat(queued.get(0).path("status").asText()).isEqualTo("pending");
        assertThat(queued.get(0).path("attempts").asInt()).isZero();

        first.kill();
        Scoreboard.FAULTS_INJECTED.incrementAndGet();
        assertThat(received).as("nothing is sent before the restart").isEmpty();

        sender = AppProcess.start("webhooks-sender", env);
        awaitThat(() -> received.stream().anyMatch(d -> d.id().equals(messageId)));
        Delivery delivery = received.stream().filter(d -> d.id().equals(messageId)).findFirst().orElseThrow();
        verifies(delivery);
        JsonNode body = Api.JSON.readTree(delivery.body());
        assertThat(body.path("type").asText()).isEqualTo("event.created");
        assertThat(body.path("data").path("agentId").asText()).isEqualTo(tenant.agentId());
        assertThat(body.path("data").path("event")).isEqualTo(event.json().path("event"));
        Api.Reply after = new Api(sender.baseUri()).get("/api/v1/webhooks/" + hookId + "/deliveries", tenant.apiKey());
        awaitThat(() -> new Api(sender.baseUri()).get("/api/v1/webhooks/" + hookId + "/deliveries", tenant.apiKey())
                .json().path("deliveries").get(0).path("status").asText().equals("succeeded"));
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void twoInstancesOnOneDatabaseSendEachMessageOncePerAttempt() throws Exception {
        AppProcess second = AppProcess.start("webhooks-second-sender", env);
        try {
            List<Api> apis = List.of(new Api(sender.baseUri()), new Api(second.baseUri()));
            int before = received.size();
            int writes = 40;
            for (int i = 0; i < writes; i++) {
                Api.Reply reply = apis.get(i % 2).send("POST", "/api/v1/docs", tenant.apiKey(),
                        "{\"title\":\"note " + i + "\",\"content\":\"x\"}");
                assertThat(reply.status()).isEqualTo(201);
            }
            awaitThat(() -> received.size() - before >= writes);
            // Let any duplicate that would arrive late arrive: both senders poll every 200 ms.
            Thread.sleep(2_000);
            List<Delivery> mine = received.subList(before, received.size());
            assertThat(mine).extracting(Delivery::id).hasSize(writes).doesNotHaveDuplicates();
            for (Delivery delivery : mine) {
                verifies(delivery);
            }
        } finally {
            second.stop();
        }
    }

    @Test
    @Order(3)
    void aReceiverThatFailsFirstGetsTheRetryWithTheSameId() throws Exception {
        Api api = new Api(sender.baseUri());
        Api.Reply hook = api.send("POST", "/api/v1/webhooks", tenant.apiKey(),
                "{\"url\":\"" + receiverUrl("/flaky") + "\",\"events\":[\"event.deleted\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String flakySecret = hook.json().path("webhook").path("secret").asText();
        String hookId = hook.json().path("webhook").path("id").asText();
        Api.Reply deleted = api.send("DELETE", "/api/v1/events/" + tenant.eventId(), tenant.apiKey(), null);
        assertThat(deleted.status()).isEqualTo(200);

        awaitThat(() -> received.stream().filter(d -> d.path().equals("/flaky")).count() >= 2);
        List<Delivery> attempts = received.stream().filter(d -> d.path().equals("/flaky")).collect(Collectors.toList());
        assertThat(attempts).extracting(Delivery::id).containsOnly(attempts.get(0).id());
        for (Delivery attempt : attempts) {
            new Webhook(flakySecret).verify(attempt.body(), headersOf(attempt));
        }
        JsonNode body = Api.JSON.readTree(attempts.get(0).body());
        assertThat(body.path("data").path("id").asText()).isEqualTo(tenant.eventId());
        awaitThat(() -> api.get("/api/v1/webhooks/" + hookId + "/deliveries", tenant.apiKey()).json()
                .path("deliveries").get(0).path("status").asText().equals("succeeded"));
        JsonNode log = api.get("/api/v1/webhooks/" + hookId + "/deliveries", tenant.apiKey()).json().path("deliveries");
        assertThat(log.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(log.get(0).path("lastStatusCode").asInt()).isEqualTo(204);
    }

    @Test
    @Order(4)
    void withoutTheOverrideALoopbackEndpointIsRefused() {
        Map<String, String> strict = new HashMap<>(env);
        strict.remove("AW_WEBHOOK_ALLOW_PRIVATE");
        strict.put("AW_WEBHOOK_SENDER", "false");
        try (AppProcess guarded = AppProcess.start("webhooks-guarded", strict)) {
            Api api = new Api(guarded.baseUri());
            for (String url : List.of("https://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "https://localhost/hook", "https://169.254.169.254/latest", "https://10.0.0.7/in",
                    receiverUrl("/hook"))) {
                Api.Reply refused = api.send("POST", "/api/v1/webhooks", tenant.apiKey(), "{\"url\":\"" + url + "\"}");
                assertThat(refused.status()).as(url + ": " + refused).isEqualTo(400);
                assertThat(refused.json().path("issues").get(0).path("path").asText()).isEqualTo("url");
            }
        }
    }

    @Test
    @Order(5)
    void theChangesRouteSyncsFullyThenIncrementallyAndRefusesAnotherAgentsCursor() {
        Api api = new Api(sender.baseUri());
        Tenant other = Tenant.create(api, clerk, "syncing");
        String cursor = null;
        int seen = 0;
        JsonNode page;
        do {
            page = api.get("/api/v1/changes?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), other.apiKey()).json();
            seen += page.path("changes").size();
            cursor = page.path("nextCursor").asText();
        } while (page.path("hasMore").asBoolean());
        assertThat(seen).as("the full sync: one event and one document").isEqualTo(2);

        Api.Reply deleted = api.send("DELETE", "/api/v1/docs/" + other.documentId(), other.apiKey(), null);
        assertThat(deleted.status()).isEqualTo(200);
        JsonNode next = api.get("/api/v1/changes?cursor=" + cursor, other.apiKey()).json();
        assertThat(next.path("changes")).hasSize(1);
        assertThat(next.path("changes").get(0).path("change").asText()).isEqualTo("deleted");
        assertThat(next.path("changes").get(0).path("id").asText()).isEqualTo(other.documentId());

        Api.Reply foreign = api.get("/api/v1/changes?cursor=" + cursor, tenant.apiKey());
        assertThat(foreign.status()).isEqualTo(410);
        assertThat(foreign.errorShaped()).isTrue();
        assertThat(api.get("/api/v1/changes?limit=0", other.apiKey()).status()).isEqualTo(400);
    }

    private void verifies(Delivery delivery) throws Exception {
        new Webhook(secret).verify(delivery.body(), headersOf(delivery));
        long age = Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp());
        assertThat(age).isBetween(-300L, 300L);
    }

    private static HttpHeaders headersOf(Delivery delivery) {
        return HttpHeaders.of(Map.of("webhook-id", List.of(delivery.id()), "webhook-timestamp",
                List.of(delivery.timestamp()), "webhook-signature", List.of(delivery.signature())), (a, b) -> true);
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** Waits until the condition holds, failing after {@link #PATIENCE}; never asserts a duration. */
    private static void awaitThat(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}

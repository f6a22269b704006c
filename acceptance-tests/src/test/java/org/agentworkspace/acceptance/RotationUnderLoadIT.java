package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * While N clients hammer the server with a credential, the owner revokes it (regenerates the key,
 * rotates the feed token, deletes the agent). No request that started after the revocation's answer
 * arrived may succeed with the old credential, and no request in flight may fail with a 5xx.
 */
class RotationUnderLoadIT {
    private static final int REQUESTS_AFTER_REVOCATION = 25;

    private final SharedStack stack = SharedStack.get();
    private final Api api = stack.api;
    private final Random random = new Random(Knobs.seed());

    @Test
    void aRegeneratedKeyFailsFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(api, stack.clerk, "rotator");
        List<String> violations = hammer(client -> client % 2 == 0
                        ? () -> api.get("/api/v1/me", tenant.apiKey())
                        : () -> api.send("POST", "/api/v1/events", tenant.apiKey(),
                                "{\"title\":\"load\",\"start\":\"2026-06-01T09:00:00Z\",\"end\":\"2026-06-01T10:00:00Z\"}"),
                () -> {
                    Api.Reply r = api.send("POST", "/api/dashboard/agents/" + tenant.agentId() + "/api-key", tenant.session(), null);
                    assertThat(r.status()).as("regenerate: %s", r).isEqualTo(200);
                    assertThat(api.get("/api/v1/me", r.json().path("apiKey").asText()).status()).isEqualTo(200);
                });
        assertThat(violations).isEmpty();
    }

    @Test
    void aRotatedFeedTokenFailsFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(api, stack.clerk, "feedrotator");
        List<String> violations = hammer(client -> () -> api.get(tenant.feedPath(), null),
                () -> {
                    Api.Reply r = api.send("POST", "/api/dashboard/agents/" + tenant.agentId() + "/subscriptions/"
                            + tenant.subscriptionId() + "/rotate", tenant.session(), null);
                    assertThat(r.status()).as("rotate: %s", r).isEqualTo(200);
                });
        assertThat(violations).isEmpty();
    }

    @Test
    void aDeletedAgentsKeyAndFeedFailFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(api, stack.clerk, "deleter");
        List<String> violations = hammer(client -> switch (client % 3) {
                    case 0 -> () -> api.get("/api/v1/events", tenant.apiKey());
                    case 1 -> () -> api.send("POST", "/api/v1/docs", tenant.apiKey(), "{\"title\":\"load\",\"content\":\"x\"}");
                    default -> () -> api.get(tenant.feedPath(), null);
                },
                () -> {
                    Api.Reply r = api.send("DELETE", "/api/dashboard/agents/" + tenant.agentId(), tenant.session(), null);
                    assertThat(r.status()).as("delete: %s", r).isEqualTo(200);
                });
        assertThat(violations).isEmpty();
        assertThat(VictimSnapshot.of(stack.postgres, tenant.userId())).as("only the user row remains").hasSize(1);
    }

    /**
     * Runs the clients until each has sent {@link #REQUESTS_AFTER_REVOCATION} requests after the revocation
     * was answered; the revocation happens after a random number of requests.
     */
    private List<String> hammer(Function<Integer, java.util.function.Supplier<Api.Reply>> requestOf, Runnable revoke) throws Exception {
        int clients = Knobs.rotationClients();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicLong revokedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warm = new CountDownLatch(clients * (5 + random.nextInt(40)));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            var request = requestOf.apply(c);
            running.add(pool.submit(() -> {
                int afterRevocation = 0;
                while (!stop.get() && afterRevocation < REQUESTS_AFTER_REVOCATION) {
                    long started = System.nanoTime();
                    Api.Reply reply = request.get();
                    Scoreboard.ROTATION_REQUESTS.incrementAndGet();
                    warm.countDown();
                    if (reply.status() >= 500) {
                        violations.add("5xx while rotating: " + reply);
                    }
                    if (started > revokedAt.get()) {
                        afterRevocation++;
                        if (reply.ok()) {
                            violations.add("succeeded with the revoked credential, started "
                                    + (started - revokedAt.get()) / 1000 + " µs after the revocation was answered: " + reply);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            assertThat(warm.await(120, TimeUnit.SECONDS)).as("load started").isTrue();
            revoke.run();
            revokedAt.set(System.nanoTime());
            Scoreboard.FAULTS_INJECTED.incrementAndGet();
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        return violations;
    }
}

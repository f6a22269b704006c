package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two jars on one PostgreSQL, as a deployment with two instances behind a load balancer. While N
 * clients hammer both instances with a credential, the owner revokes it through instance 1 (regenerates
 * the key, rotates or revokes the feed token, deletes the agent). Instance 2 refuses the old credential
 * on the very next request; no request to either instance that started after the revocation's answer
 * arrived may succeed with it, and no request in flight may fail with a 5xx. Rate limits are one quota
 * across both instances: a user who spent it through instance 1 is refused by instance 2.
 */
class RotationUnderLoadIT {
    private static final int REQUESTS_AFTER_REVOCATION = 25;
    /** Under 40 a lease is one unit (LeasedBuckets), so the shared quota is exact across instances. */
    private static final int USER_PER_MINUTE = 30;
    private static AppProcess first;
    private static AppProcess second;

    private final SharedStack stack = SharedStack.get();
    private final Api one = new Api(first.baseUri());
    private final Api two = new Api(second.baseUri());
    private final Random random = new Random(Knobs.seed());

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        SharedStack stack = SharedStack.get();
        first = AppProcess.start("rotation-1", instance(stack, "rotation-1"));
        second = AppProcess.start("rotation-2", instance(stack, "rotation-2"));
        SharedStack.assertServingAsRuntimeRole(stack.postgres);
    }

    @AfterAll
    static void stopThem() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static Map<String, String> instance(SharedStack stack, String name) {
        Map<String, String> env = new HashMap<>(stack.environment);
        env.put("AW_DATA_DIR", Knobs.workDir().resolve(name + "-" + System.nanoTime()).toString());
        env.put("AW_RATE_LIMIT_USER_PER_MINUTE", Integer.toString(USER_PER_MINUTE));
        return env;
    }

    @Test
    void aRegeneratedKeyFailsOnTheOtherInstanceFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(one, stack.clerk, "rotator");
        List<String> violations = hammer(client -> {
                    Api api = client % 2 == 0 ? two : one;
                    return client % 4 < 2
                            ? () -> api.get("/api/v1/me", tenant.apiKey())
                            : () -> api.send("POST", "/api/v1/events", tenant.apiKey(),
                                    "{\"title\":\"load\",\"start\":\"2026-06-01T09:00:00Z\",\"end\":\"2026-06-01T10:00:00Z\"}");
                },
                () -> one.send("POST", "/api/dashboard/agents/" + tenant.agentId() + "/api-key", tenant.session(), null),
                r -> {
                    assertThat(r.status()).as("regenerate: %s", r).isEqualTo(200);
                    expectRefusedOnInstanceTwo(two.get("/api/v1/me", tenant.apiKey()), 401);
                    assertThat(two.get("/api/v1/me", r.json().path("apiKey").asText()).status()).isEqualTo(200);
                });
        assertThat(violations).isEmpty();
    }

    @Test
    void aRotatedFeedTokenFailsOnTheOtherInstanceFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(one, stack.clerk, "feedrotator");
        List<String> violations = hammer(client -> {
                    Api api = client % 2 == 0 ? two : one;
                    return () -> api.get(tenant.feedPath(), null);
                },
                () -> one.send("POST", "/api/dashboard/agents/" + tenant.agentId() + "/subscriptions/"
                        + tenant.subscriptionId() + "/rotate", tenant.session(), null),
                r -> {
                    assertThat(r.status()).as("rotate: %s", r).isEqualTo(200);
                    expectRefusedOnInstanceTwo(two.get(tenant.feedPath(), null), 404);
                    String rotated = java.net.URI.create(r.json().path("subscription").path("url").asText()).getPath();
                    assertThat(two.get(rotated, null).status()).as("the new URL on instance 2").isEqualTo(200);
                });
        assertThat(violations).isEmpty();
    }

    @Test
    void aRevokedFeedSubscriptionFailsOnTheOtherInstanceFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(one, stack.clerk, "feedrevoker");
        List<String> violations = hammer(client -> {
                    Api api = client % 2 == 0 ? two : one;
                    return () -> api.get(tenant.feedPath(), null);
                },
                () -> one.send("DELETE", "/api/dashboard/agents/" + tenant.agentId() + "/subscriptions/"
                        + tenant.subscriptionId(), tenant.session(), null),
                r -> {
                    assertThat(r.status()).as("revoke: %s", r).isIn(200, 204);
                    expectRefusedOnInstanceTwo(two.get(tenant.feedPath(), null), 404);
                });
        assertThat(violations).isEmpty();
    }

    @Test
    void aDeletedAgentsKeyAndFeedFailOnTheOtherInstanceFromTheMomentTheOwnerIsAnswered() throws Exception {
        Tenant tenant = Tenant.create(one, stack.clerk, "deleter");
        List<String> violations = hammer(client -> {
                    Api api = client % 2 == 0 ? two : one;
                    return switch (client % 3) {
                        case 0 -> () -> api.get("/api/v1/events", tenant.apiKey());
                        case 1 -> () -> api.send("POST", "/api/v1/docs", tenant.apiKey(), "{\"title\":\"load\",\"content\":\"x\"}");
                        default -> () -> api.get(tenant.feedPath(), null);
                    };
                },
                () -> one.send("DELETE", "/api/dashboard/agents/" + tenant.agentId(), tenant.session(), null),
                r -> {
                    assertThat(r.status()).as("delete: %s", r).isEqualTo(200);
                    expectRefusedOnInstanceTwo(two.get("/api/v1/events", tenant.apiKey()), 401);
                    expectRefusedOnInstanceTwo(two.get(tenant.feedPath(), null), 404);
                });
        assertThat(violations).isEmpty();
        assertThat(VictimSnapshot.of(stack.postgres, tenant.userId())).as("only the user row remains").hasSize(1);
    }

    @Test
    void aUsersQuotaSpentThroughOneInstanceIsSpentOnTheOther() {
        Tenant tenant = Tenant.create(one, stack.clerk, "limited");
        int granted = 0;
        Api.Reply last = one.get("/api/dashboard/agents", tenant.session());
        while (last.status() == 200) {
            assertThat(++granted).as("requests granted by instance 1 within the quota of %d", USER_PER_MINUTE)
                    .isLessThanOrEqualTo(USER_PER_MINUTE);
            last = one.get("/api/dashboard/agents", tenant.session());
        }
        assertThat(last.status()).as("instance 1 once the quota is spent: %s", last).isEqualTo(429);
        Api.Reply other = two.get("/api/dashboard/agents", tenant.session());
        assertThat(other.status()).as("instance 2 right after: %s", other).isEqualTo(429);
        assertThat(other.headers().firstValue("Retry-After")).as("Retry-After on instance 2").isPresent();
        Scoreboard.FAULTS_INJECTED.incrementAndGet();
    }

    private static void expectRefusedOnInstanceTwo(Api.Reply reply, int status) {
        Scoreboard.ROTATION_REQUESTS.incrementAndGet();
        assertThat(reply.status()).as("the very next request on instance 2 with the old credential: %s", reply)
                .isEqualTo(status);
    }

    /**
     * Runs the clients until each has sent {@link #REQUESTS_AFTER_REVOCATION} requests after the revocation
     * was answered; the revocation happens after a random number of requests. {@code afterwards} checks
     * the revocation's answer and the other instance once the clock for "after the answer" has started.
     */
    private List<String> hammer(Function<Integer, Supplier<Api.Reply>> requestOf, Supplier<Api.Reply> revoke,
                                Consumer<Api.Reply> afterwards) throws Exception {
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
            Api.Reply answer = revoke.get();
            revokedAt.set(System.nanoTime());
            Scoreboard.FAULTS_INJECTED.incrementAndGet();
            afterwards.accept(answer);
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

package org.agentworkspace.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on buckets in a real PostgreSQL database made by the migrations. Which answers needed
 * the database is read from the connections the limiter took, or proven by cutting it off. What
 * depends on a window's end is asked of {@link LeasedBuckets} alone, without the limiter's
 * sweeping thread, which would otherwise forget an ended lease before the lease itself is asked.
 */
class Bucket4jRateLimiterTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String AGENT = "agent-1";

    private final List<AutoCloseable> open = new ArrayList<>();
    private CountingDataSource database;

    @BeforeEach
    void database() {
        database = new CountingDataSource(TestDatabases.fresh("schema", FlywayMigrations::migrate).dataSource());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Bucket4jRateLimiter limiter(long keyQuota, Duration window) {
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(database, settings(keyQuota, window));
        open.add(limiter);
        return limiter;
    }

    private LeasedBuckets unswept(long keyQuota, Duration window, int maxLeases) {
        Map<Partition, RateLimitPolicy> policies = settings(keyQuota, window).policies();
        return new LeasedBuckets(new SharedBuckets(database, policies), policies, maxLeases);
    }

    private static RateLimitSettings settings(long keyQuota, Duration window) {
        return new RateLimitSettings(keyQuota, 100, 100, 100, window);
    }

    @Test
    void one_instance_grants_exactly_the_quota_with_exact_counts_and_one_transaction_per_lease() {
        Bucket4jRateLimiter limiter = limiter(100, MINUTE);

        List<Long> remaining = new ArrayList<>();
        remaining.add(limiter.consume(Partition.KEY, AGENT).remaining());
        // Counted from here: Bucket4j creates a bucket's row in transactions of its own.
        int created = database.connections();
        for (int i = 1; i < 100; i++) {
            RateDecision decision = limiter.consume(Partition.KEY, AGENT);
            assertThat(decision.allowed()).as("request %d", i + 1).isTrue();
            assertThat(decision.resetSeconds()).isBetween(1L, 60L);
            remaining.add(decision.remaining());
        }
        int transactions = database.connections() - created;
        RateDecision refused = limiter.consume(Partition.KEY, AGENT);

        assertThat(remaining).containsExactlyElementsOf(LongStream.rangeClosed(0, 99).map(r -> 99 - r).boxed().toList());
        assertThat(transactions).as("19 more leases of 5 units for a quota of 100").isEqualTo(19);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(refused.resetSeconds()).isBetween(refused.retryAfterSeconds(), 60L);
    }

    @Test
    void small_quotas_lease_one_unit_and_stay_exact() {
        Bucket4jRateLimiter limiter = limiter(39, MINUTE);
        assertThat(limiter.consume(Partition.KEY, AGENT).remaining()).isEqualTo(38);
        int created = database.connections();

        for (int i = 1; i < 39; i++) {
            assertThat(limiter.consume(Partition.KEY, AGENT).remaining()).isEqualTo(38 - i);
        }

        assertThat(database.connections() - created).isEqualTo(38);
        assertThat(limiter.consume(Partition.KEY, AGENT).allowed()).isFalse();
    }

    @Test
    void the_database_is_not_touched_while_a_lease_lasts() {
        Bucket4jRateLimiter limiter = limiter(100, MINUTE);
        assertThat(limiter.consume(Partition.KEY, AGENT).remaining()).isEqualTo(99);
        int afterLease = database.connections();
        database.cutOff(true);

        List<Long> fromMemory = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RateDecision decision = limiter.consume(Partition.KEY, AGENT);
            assertThat(decision.allowed()).isTrue();
            fromMemory.add(decision.remaining());
        }

        assertThat(fromMemory).containsExactly(98L, 97L, 96L, 95L);
        assertThat(database.connections()).isEqualTo(afterLease);
        assertThatThrownBy(() -> limiter.consume(Partition.KEY, AGENT))
                .as("the lease is used up: the next unit needs the database")
                .isInstanceOf(RateLimiterUnavailable.class);
        database.cutOff(false);
        assertThat(limiter.consume(Partition.KEY, AGENT).remaining()).isEqualTo(94);
    }

    @Test
    void a_refusal_is_remembered_until_its_retry_after_without_the_database() {
        Bucket4jRateLimiter limiter = limiter(1, MINUTE);
        assertThat(limiter.consume(Partition.KEY, AGENT).allowed()).isTrue();
        RateDecision fromDatabase = limiter.consume(Partition.KEY, AGENT);
        int afterRefusal = database.connections();
        database.cutOff(true);

        RateDecision fromMemory = limiter.consume(Partition.KEY, AGENT);

        assertThat(fromDatabase.allowed()).isFalse();
        assertThat(fromMemory.allowed()).isFalse();
        assertThat(fromMemory.remaining()).isZero();
        assertThat(fromMemory.retryAfterSeconds()).isBetween(1L, fromDatabase.retryAfterSeconds());
        assertThat(database.connections()).isEqualTo(afterRefusal);
    }

    @Test
    void two_instances_share_the_quota_refusing_at_most_one_lease_early_and_never_granting_more() {
        Bucket4jRateLimiter first = limiter(100, MINUTE);
        Bucket4jRateLimiter second = limiter(100, MINUTE);
        long lease = LeasedBuckets.leaseSize(first.policy(Partition.KEY));

        assertThat(first.consume(Partition.KEY, AGENT).remaining()).isEqualTo(99);
        RateDecision secondsFirst = second.consume(Partition.KEY, AGENT);
        long grantedBySecond = 1 + drain(second);
        long grantedByFirst = 1 + drain(first);

        assertThat(secondsFirst.remaining()).as("the first instance's lease is out of the shared count").isEqualTo(94);
        assertThat(grantedBySecond).as("refused while the first still held units").isEqualTo(100 - lease);
        assertThat(grantedByFirst).isEqualTo(lease);
        assertThat(grantedByFirst + grantedBySecond).isEqualTo(100);
        assertThat(first.consume(Partition.KEY, AGENT).allowed()).isFalse();
        assertThat(second.consume(Partition.KEY, AGENT).allowed()).isFalse();
    }

    @Test
    void a_lease_does_not_survive_its_window() throws InterruptedException {
        LeasedBuckets limiter = unswept(40, SECOND, LeasedBuckets.MAX_LEASES);
        RateDecision first = limiter.consume(Partition.KEY, AGENT);
        assertThat(first.remaining()).as("one of two leased units left").isEqualTo(39);

        // The window is at most a second; waiting past it is the point, not a measured time.
        Thread.sleep(1_500);
        database.cutOff(true);

        assertThatThrownBy(() -> limiter.consume(Partition.KEY, AGENT))
                .as("the leftover unit of the ended window is not granted")
                .isInstanceOf(RateLimiterUnavailable.class);
        database.cutOff(false);
        assertThat(limiter.consume(Partition.KEY, AGENT).remaining()).as("a new window, a new lease").isEqualTo(39);
    }

    @Test
    void concurrent_requests_on_one_instance_get_every_unit_exactly_once() throws Exception {
        Bucket4jRateLimiter limiter = limiter(200, MINUTE);

        List<RateDecision> decisions = hammer(List.of(limiter), 8, 40);

        List<Long> remaining = new ArrayList<>(decisions.stream().filter(RateDecision::allowed)
                .map(RateDecision::remaining).toList());
        Collections.sort(remaining);
        assertThat(remaining).containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
        assertThat(decisions).filteredOn(d -> !d.allowed()).hasSize(8 * 40 - 200);
    }

    @Test
    void concurrent_requests_on_two_instances_never_exceed_the_quota() throws Exception {
        Bucket4jRateLimiter first = limiter(200, MINUTE);
        Bucket4jRateLimiter second = limiter(200, MINUTE);
        long lease = LeasedBuckets.leaseSize(first.policy(Partition.KEY));

        long granted = hammer(List.of(first, second), 8, 40).stream().filter(RateDecision::allowed).count();
        long leftOver = drain(first) + drain(second);

        assertThat(granted).isBetween(200 - 2 * (lease - 1), 200L);
        assertThat(granted + leftOver).isEqualTo(200);
    }

    @Test
    void leases_are_capped_per_partition_and_beyond_the_cap_a_subject_is_answered_by_the_database() {
        LeasedBuckets limiter = unswept(100, MINUTE, 2);
        limiter.consume(Partition.AUTH, "203.0.113.1");
        limiter.consume(Partition.AUTH, "203.0.113.2");
        limiter.consume(Partition.KEY, "agent-a");
        limiter.consume(Partition.KEY, "agent-b");
        RateDecision unleased = limiter.consume(Partition.KEY, "agent-c");
        database.cutOff(true);

        assertThat(limiter.size()).isEqualTo(4);
        assertThat(unleased.remaining()).as("one unit drawn, no lease").isEqualTo(99);
        assertThat(limiter.consume(Partition.KEY, "agent-a").remaining()).isEqualTo(98);
        assertThatThrownBy(() -> limiter.consume(Partition.KEY, "agent-c")).isInstanceOf(RateLimiterUnavailable.class);
        database.cutOff(false);
        assertThat(limiter.consume(Partition.KEY, "agent-c").remaining()).isEqualTo(98);
    }

    @Test
    void leases_of_ended_windows_are_forgotten() throws InterruptedException {
        LeasedBuckets limiter = unswept(100, SECOND, LeasedBuckets.MAX_LEASES);
        for (String subject : List.of("agent-a", "agent-b", "agent-c")) {
            limiter.consume(Partition.KEY, subject);
        }

        Thread.sleep(1_500);
        int afterWindow = limiter.sweep();

        assertThat(afterWindow).isEqualTo(3);
        assertThat(limiter.size()).isZero();
        assertThat(limiter.consume(Partition.KEY, "agent-a").remaining()).isEqualTo(99);
        assertThat(limiter.size()).isEqualTo(1);
    }

    /** Consumes until refused; returns how many units were granted. */
    private static long drain(RateLimiter limiter) {
        long granted = 0;
        while (limiter.consume(Partition.KEY, AGENT).allowed()) {
            // A limiter that never refuses would keep this loop going: fail instead of hanging.
            if (++granted > 1_000_000) {
                throw new AssertionError("granted a million units without refusing one");
            }
        }
        return granted;
    }

    private static List<RateDecision> hammer(List<Bucket4jRateLimiter> instances, int threads, int requestsEach)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<RateDecision>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Bucket4jRateLimiter limiter = instances.get(t % instances.size());
                results.add(pool.submit(() -> {
                    List<RateDecision> decisions = new ArrayList<>();
                    for (int i = 0; i < requestsEach; i++) {
                        decisions.add(limiter.consume(Partition.KEY, AGENT));
                    }
                    return decisions;
                }));
            }
            List<RateDecision> all = new ArrayList<>();
            for (Future<List<RateDecision>> result : results) {
                all.addAll(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}

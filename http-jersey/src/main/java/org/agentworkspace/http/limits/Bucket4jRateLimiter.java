package org.agentworkspace.http.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in the {@code rate_limit_buckets} table (migration V10), read and written by Bucket4j's
 * PostgreSQL proxy manager under {@code SELECT … FOR UPDATE}, so two instances on one database
 * draw from the same bucket. One transaction per {@link #consume}.
 *
 * <p>A bucket's key carries its policy ({@code key:600/60:<agent id>}): changing a quota starts
 * fresh buckets instead of reinterpreting old state. Buckets that have been full again for a
 * while are deleted by a background sweep, so the table holds only recently active subjects.
 */
public final class Bucket4jRateLimiter implements RateLimiter, AutoCloseable {
    static final String TABLE = "rate_limit_buckets";
    private static final Logger LOG = LoggerFactory.getLogger(Bucket4jRateLimiter.class);
    private static final int SWEEP_BATCH = 1000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitSettings settings;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<Partition, BucketConfiguration> configurations = new EnumMap<>(Partition.class);
    private final ScheduledExecutorService sweeper;

    public Bucket4jRateLimiter(DataSource dataSource, RateLimitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(Objects.requireNonNull(dataSource, "dataSource"))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        for (Partition partition : Partition.values()) {
            RateLimitPolicy policy = settings.policy(partition);
            // Intervally, not greedy: the whole quota returns when the window ends, so the
            // remaining count a client sees only decreases inside a window (as RateLimit says).
            configurations.put(partition, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(policy.quota())
                            .refillIntervally(policy.quota(), policy.window()).build())
                    .build());
        }
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public RateLimitPolicy policy(Partition partition) {
        return settings.policy(partition);
    }

    @Override
    public RateDecision consume(Partition partition, String subject) {
        RateLimitPolicy policy = settings.policy(partition);
        String key = partition.wireName() + ":" + policy.quota() + "/" + policy.window().toSeconds() + ":" + subject;
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(key, () -> configurations.get(partition)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            throw new RateLimiterUnavailable(e);
        }
        long reset = Math.max(1, ceilSeconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            return new RateDecision(policy, true, probe.getRemainingTokens(), Math.min(reset, policy.window().toSeconds()), 0);
        }
        long retryAfter = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new RateDecision(policy, false, 0, Math.max(retryAfter, Math.min(reset, policy.window().toSeconds())),
                retryAfter);
    }

    /** Deletes buckets that have been full for a while; returns how many went. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(SWEEP_BATCH);
            removed += batch;
        } while (batch == SWEEP_BATCH);
        return removed;
    }

    private void sweep() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove expired rate-limit buckets: {}", e.getMessage());
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

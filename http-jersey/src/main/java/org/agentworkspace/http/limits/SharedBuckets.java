package org.agentworkspace.http.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The buckets in the {@code rate_limit_buckets} table (migration V10), read and written by
 * Bucket4j's PostgreSQL proxy manager under {@code SELECT … FOR UPDATE}: the authority every
 * instance draws from. One transaction per {@link #draw}.
 *
 * <p>A bucket's key carries its policy ({@code key:600/60:<agent id>}): changing a quota starts
 * fresh buckets instead of reinterpreting old state.
 */
final class SharedBuckets {
    static final String TABLE = "rate_limit_buckets";
    private static final int SWEEP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<Partition, BucketConfiguration> configurations = new EnumMap<>(Partition.class);
    private final Map<Partition, String> keyPrefixes = new EnumMap<>(Partition.class);

    SharedBuckets(DataSource dataSource, Map<Partition, RateLimitPolicy> policies) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        policies.forEach((partition, policy) -> {
            // Intervally, not greedy: the whole quota returns when the window ends, so the
            // remaining count a client sees only decreases inside a window (as RateLimit says),
            // and a lease taken in a window is worth nothing after it.
            configurations.put(partition, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(policy.quota())
                            .refillIntervally(policy.quota(), policy.window()).build())
                    .build());
            keyPrefixes.put(partition, partition.wireName() + ":" + policy.quota() + "/" + policy.window().toSeconds() + ":");
        });
    }

    /**
     * Takes up to {@code units} from the subject's bucket in one transaction: all of them, or what
     * remains when fewer do, or none when it is empty.
     *
     * @throws RateLimiterUnavailable when the database cannot be reached
     */
    BucketDraw draw(Partition partition, String subject, long units) {
        VerboseResult<Long> result;
        try {
            result = buckets.builder().build(keyPrefixes.get(partition) + subject, () -> configurations.get(partition))
                    .asVerbose().tryConsumeAsMuchAsPossible(units);
        } catch (RuntimeException e) {
            throw new RateLimiterUnavailable(e);
        }
        long granted = result.getValue();
        long remaining = result.getDiagnostics().getAvailableTokens();
        long toRefill = remaining > 0 ? 0
                : result.getState().calculateDelayNanosAfterWillBePossibleToConsume(1, result.getOperationTimeNanos(), false);
        return new BucketDraw(granted, remaining, result.getDiagnostics().calculateFullRefillingTime(), toRefill);
    }

    /** Deletes buckets that have been full for a while; returns how many went. */
    int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(SWEEP_BATCH);
            removed += batch;
        } while (batch == SWEEP_BATCH);
        return removed;
    }
}

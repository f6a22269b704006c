package org.agentworkspace.http.limits;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits whose buckets live in PostgreSQL ({@link SharedBuckets}), so every instance on one
 * database draws from the same bucket, answered through this instance's {@linkplain LeasedBuckets
 * leases}: a request is granted from units drawn ahead, and only an exhausted or ended lease costs
 * a database transaction.
 *
 * <p>What that promises: never more than the quota per window in total, whatever the number of
 * instances; exactly the quota on one instance, with exact {@code RateLimit} counts; with several,
 * a subject may be refused while other instances still hold unused units of it, at most one lease
 * ({@link LeasedBuckets#leaseSize}) less one per other instance. A refusal is remembered until its
 * retry-after, so a throttled subject costs no database work either. While a lease lasts a
 * database outage goes unnoticed; the first draw after it answers {@link RateLimiterUnavailable}.
 *
 * <p>Buckets that have been full again for a while are deleted by a background sweep, so the
 * table holds only recently active subjects; the same thread forgets ended leases every second.
 */
public final class Bucket4jRateLimiter implements RateLimiter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bucket4jRateLimiter.class);

    private final SharedBuckets shared;
    private final LeasedBuckets leases;
    private final ScheduledExecutorService sweeper;

    public Bucket4jRateLimiter(DataSource dataSource, RateLimitSettings settings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        Map<Partition, RateLimitPolicy> policies = settings.policies();
        this.shared = new SharedBuckets(dataSource, policies);
        this.leases = new LeasedBuckets(shared, policies, LeasedBuckets.MAX_LEASES);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepBuckets, 1, 1, TimeUnit.MINUTES);
        sweeper.scheduleWithFixedDelay(leases::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public RateLimitPolicy policy(Partition partition) {
        return leases.policy(partition);
    }

    @Override
    public RateDecision consume(Partition partition, String subject) {
        return leases.consume(partition, subject);
    }

    /** Deletes buckets that have been full for a while; returns how many went. */
    public int removeExpired() {
        return shared.removeExpired();
    }

    private void sweepBuckets() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove expired rate-limit buckets: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

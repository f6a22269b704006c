package org.agentworkspace.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.agentworkspace.persistence.JooqExpiredRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic purge (issue 15): every {@code AW_PURGE_INTERVAL_SECONDS} each serving instance
 * deletes idempotency records past their expiry and Clerk webhook delivery ids older than
 * {@code AW_WEBHOOK_ID_RETENTION_HOURS}, in batches of {@value #BATCH}, until a batch comes back
 * short. Running it on every instance is safe: the database lets one purge at a time (V18), so
 * the fleet purges as often as its fastest instance and never twice at once.
 */
final class ExpiredRecordsPurge implements AutoCloseable {
    static final int BATCH = 1000;
    /** Bounds one run, so a huge backlog is worked off over several runs instead of one long one. */
    static final int MAX_BATCHES_PER_RUN = 100;
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    /** Svix retries a delivery for about a day; a week covers that and manual replays of recent ones. */
    static final Duration DEFAULT_WEBHOOK_ID_RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRecordsPurge.class);

    private final JooqExpiredRecords records;
    private final Duration webhookRetention;
    private final Clock clock;
    private final Counter idempotencyDeleted;
    private final Counter webhookIdsDeleted;
    private final Counter failures;
    private ScheduledExecutorService scheduler;

    ExpiredRecordsPurge(JooqExpiredRecords records, Duration webhookRetention, Clock clock, MeterRegistry metrics) {
        this.records = records;
        this.webhookRetention = webhookRetention;
        this.clock = clock;
        this.idempotencyDeleted = deleted(metrics, "idempotency_record");
        this.webhookIdsDeleted = deleted(metrics, "webhook_id");
        this.failures = Counter.builder("aw.purge.failures").description("Purge runs that failed (the next run retries)")
                .register(metrics);
    }

    private static Counter deleted(MeterRegistry metrics, String kind) {
        return Counter.builder("aw.purge.deleted").description("Expired rows deleted by the periodic purge")
                .tag("kind", kind).register(metrics);
    }

    /** Starts the schedule from the environment; empty when {@code AW_PURGE_INTERVAL_SECONDS=0} turns it off. */
    static Optional<ExpiredRecordsPurge> start(Map<String, String> env, JooqExpiredRecords records, MeterRegistry metrics) {
        Duration interval = Duration.ofSeconds(whole(env, "AW_PURGE_INTERVAL_SECONDS", DEFAULT_INTERVAL.toSeconds(), 0));
        Duration retention = Duration.ofHours(whole(env, "AW_WEBHOOK_ID_RETENTION_HOURS",
                DEFAULT_WEBHOOK_ID_RETENTION.toHours(), 1));
        if (interval.isZero()) {
            return Optional.empty();
        }
        ExpiredRecordsPurge purge = new ExpiredRecordsPurge(records, retention, Clock.systemUTC(), metrics);
        purge.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "expired-records-purge");
            t.setDaemon(true);
            return t;
        });
        purge.scheduler.scheduleWithFixedDelay(purge::runLogged, interval.toSeconds(), interval.toSeconds(), TimeUnit.SECONDS);
        return Optional.of(purge);
    }

    /** One run: batches until one comes back short (or the bound); returns the rows deleted. */
    JooqExpiredRecords.Purged run() {
        int idempotency = 0;
        int webhooks = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            java.time.Instant now = clock.instant();
            JooqExpiredRecords.Purged batch = records.purgeOnce(now, now.minus(webhookRetention), BATCH);
            idempotency += batch.idempotencyRecords();
            webhooks += batch.processedWebhooks();
            idempotencyDeleted.increment(batch.idempotencyRecords());
            webhookIdsDeleted.increment(batch.processedWebhooks());
            if (batch.idempotencyRecords() < BATCH && batch.processedWebhooks() < BATCH) {
                break;
            }
        }
        return new JooqExpiredRecords.Purged(idempotency, webhooks);
    }

    private void runLogged() {
        try {
            JooqExpiredRecords.Purged purged = run();
            if (purged.idempotencyRecords() + purged.processedWebhooks() > 0) {
                LOG.info("Purged {} expired idempotency records and {} old webhook ids",
                        purged.idempotencyRecords(), purged.processedWebhooks());
            }
        } catch (RuntimeException e) {
            // A database outage must not end the schedule: the next run tries again.
            failures.increment();
            LOG.warn("The purge of expired records failed; retrying at the next run: {}", e.toString());
        }
    }

    private static long whole(Map<String, String> env, String name, long fallback, long min) {
        String value = Optional.ofNullable(env.get(name)).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > 31_536_000) {
                throw new ConfigException(name + " must be between " + min + " and 31536000 (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number (got '" + value + "')");
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}

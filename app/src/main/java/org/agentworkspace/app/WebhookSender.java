package org.agentworkspace.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentworkspace.core.port.in.DeliverWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the core's {@link DeliverWebhooks} on this instance: {@code threads} workers each claim and
 * send a batch, at once again while batches come back full, otherwise after the poll interval;
 * once an hour the finished messages and old tombstones are purged. Every instance may run one:
 * the claims make sure each attempt is sent by exactly one of them. Metrics on {@code /metrics}:
 * {@code aw_outbound_webhook_queue_depth}, {@code aw_outbound_webhook_attempts_total},
 * {@code aw_outbound_webhook_failures_total},
 * {@code aw_outbound_webhook_endpoints_disabled_total}.
 */
final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final ScheduledExecutorService workers;

    private WebhookSender(ScheduledExecutorService workers) {
        this.workers = workers;
    }

    static WebhookSender start(DeliverWebhooks deliver, WebhookSettings settings, MeterRegistry registry) {
        Counter attempts = Counter.builder("aw.outbound.webhook.attempts")
                .description("Webhook delivery attempts made by this instance").register(registry);
        Counter failures = Counter.builder("aw.outbound.webhook.failures")
                .description("Webhook delivery attempts that got no 2xx within the timeout").register(registry);
        Counter disabled = Counter.builder("aw.outbound.webhook.endpoints.disabled")
                .description("Endpoints disabled after five days of failures").register(registry);
        Gauge.builder("aw.outbound.webhook.queue.depth", deliver, WebhookSender::depthOrNaN)
                .description("Webhook messages waiting to be sent, across all instances").register(registry);
        AtomicInteger threadNumber = new AtomicInteger();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(settings.threads() + 1, r -> {
            Thread thread = new Thread(r, "webhook-sender-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        WebhookSender sender = new WebhookSender(workers);
        if (settings.sending()) {
            for (int i = 0; i < settings.threads(); i++) {
                workers.scheduleWithFixedDelay(() -> drain(deliver, attempts, failures, disabled), 0,
                        settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            workers.scheduleWithFixedDelay(() -> purge(deliver), 1, PURGE_EVERY.toMinutes(), TimeUnit.MINUTES);
            LOG.info("Webhook sender started: {} workers, polling every {} ms{}", settings.threads(),
                    settings.pollInterval().toMillis(),
                    settings.allowPrivate() ? " (AW_WEBHOOK_ALLOW_PRIVATE: private targets allowed)" : "");
        } else {
            LOG.info("Webhook sender off on this instance (AW_WEBHOOK_SENDER=false); other instances send");
        }
        return sender;
    }

    /** Batches until one comes back short; a failure is logged and the next poll tries again. */
    private static void drain(DeliverWebhooks deliver, Counter attempts, Counter failures, Counter disabled) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                DeliverWebhooks.Report report = deliver.deliverDue();
                attempts.increment(report.attempted());
                failures.increment(report.failed());
                disabled.increment(report.disabledEndpoints());
                if (report.attempted() == 0 || report.failed() == report.attempted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // Never log a message body or secret: the exception names the failure only.
            LOG.warn("Webhook delivery step failed: {}", e.toString());
        }
    }

    private static void purge(DeliverWebhooks deliver) {
        try {
            int purged = deliver.purgeExpired();
            if (purged > 0) {
                LOG.info("Purged {} finished webhook messages and change-log tombstones", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the change log and the delivery log failed: {}", e.toString());
        }
    }

    private static double depthOrNaN(DeliverWebhooks deliver) {
        try {
            return deliver.queueDepth();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

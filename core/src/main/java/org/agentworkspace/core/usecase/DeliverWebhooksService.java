package org.agentworkspace.core.usecase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentworkspace.core.domain.WebhookMessage;
import org.agentworkspace.core.domain.WebhookSignature;
import org.agentworkspace.core.port.in.DeliverWebhooks;
import org.agentworkspace.core.port.out.ChangeLogPurge;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.WebhookBodies;
import org.agentworkspace.core.port.out.WebhookOutbox;
import org.agentworkspace.core.port.out.WebhookTransport;

/**
 * Claim, sign, send, record. The claim leases each message, so exactly one instance sends a given
 * attempt; a crash between claim and record leaves the lease to run out and the message is sent
 * again, with the same {@code webhook-id} (at least once, as the contract promises).
 */
final class DeliverWebhooksService implements DeliverWebhooks {
    private static final int PURGE_BATCH = 1000;

    private final Transactions transactions;
    private final WebhookOutbox outbox;
    private final ChangeLogPurge changeLog;
    private final WebhookBodies bodies;
    private final WebhookTransport transport;
    private final SyncSettings settings;
    private final Clock clock;

    DeliverWebhooksService(Transactions transactions, WebhookOutbox outbox, ChangeLogPurge changeLog,
                           WebhookBodies bodies, WebhookTransport transport, SyncSettings settings, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.changeLog = changeLog;
        this.bodies = bodies;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Report deliverDue() {
        Instant now = clock.instant();
        List<WebhookMessage> due = transactions.inSingleStatement(
                () -> outbox.claim(now, settings.lease(), settings.batchSize()));
        int succeeded = 0;
        int disabled = 0;
        for (WebhookMessage message : due) {
            WebhookTransport.Outcome outcome = send(message);
            Instant at = clock.instant();
            Instant next = outcome.succeeded() ? null : nextAttempt(message.attempt(), at);
            boolean nowDisabled = transactions.inSingleStatement(() -> outbox.record(message.id(), at,
                    outcome.statusCode(), outcome.succeeded(), next, settings.disableAfter()));
            succeeded += outcome.succeeded() ? 1 : 0;
            disabled += nowDisabled ? 1 : 0;
        }
        return new Report(due.size(), succeeded, due.size() - succeeded, disabled);
    }

    /** A message that cannot even be rendered counts as a failed attempt, so it cannot stall the batch. */
    private WebhookTransport.Outcome send(WebhookMessage message) {
        try {
            return signAndSend(message);
        } catch (RuntimeException e) {
            return new WebhookTransport.Outcome(null, "not sent: " + e.getClass().getSimpleName());
        }
    }

    private WebhookTransport.Outcome signAndSend(WebhookMessage message) {
        String body = bodies.body(message);
        String id = message.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(message.secret(), id, timestamp, body));
        headers.put("Content-Type", "application/json");
        return transport.send(message.url(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** After attempt n (1-based) the n-th retry delay; none left → null, the message has failed. */
    private Instant nextAttempt(int attempt, Instant at) {
        List<java.time.Duration> delays = settings.retryDelays();
        return attempt <= delays.size() ? at.plus(delays.get(attempt - 1)) : null;
    }

    @Override
    public long queueDepth() {
        return transactions.inSingleStatement(outbox::pending);
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        int messages = transactions.inSingleStatement(
                () -> outbox.purgeFinished(now.minus(settings.messageRetention()), PURGE_BATCH));
        int tombstones = transactions.inSingleStatement(
                () -> changeLog.purgeTombstones(now.minus(settings.tombstoneRetention()), PURGE_BATCH));
        return messages + tombstones;
    }
}

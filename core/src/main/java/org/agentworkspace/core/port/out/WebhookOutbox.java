package org.agentworkspace.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agentworkspace.core.domain.WebhookMessage;

/**
 * The queue of webhook messages across all agents, for the sender alone. The storage writes a
 * message in the same transaction as the write it announces; the sender claims, sends, records.
 */
public interface WebhookOutbox {

    /**
     * Claims up to {@code limit} messages due at {@code now} and leases them until {@code now + lease}:
     * no other instance claims them meanwhile, and if this one dies they are due again afterwards
     * (same message id). Each claim counts one attempt.
     */
    List<WebhookMessage> claim(Instant now, Duration lease, int limit);

    /**
     * Records an attempt's outcome; {@code nextAttemptAt} null after a failure means none is left.
     * An endpoint failing for longer than {@code disableAfter} is disabled with an audit entry.
     *
     * @param statusCode the response's status, or null when none came (refused, unreachable, timeout)
     * @return whether the endpoint was disabled now
     */
    boolean record(UUID messageId, Instant now, Integer statusCode, boolean succeeded, Instant nextAttemptAt,
                   Duration disableAfter);

    /** Deletes at most {@code limit} messages finished before {@code before}; answers how many. */
    int purgeFinished(Instant before, int limit);

    /** Messages waiting to be sent. */
    long pending();
}

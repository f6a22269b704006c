package org.agentworkspace.core.port.out;

import java.time.Instant;

/** Delivery ids of webhooks already applied, so a redelivery is acknowledged but not applied twice. */
public interface ProcessedWebhooks {

    /**
     * Records the id in the current transaction; false when it was recorded before. Two concurrent
     * transactions with the same id: exactly one gets true.
     */
    boolean markProcessed(String deliveryId, Instant at);
}

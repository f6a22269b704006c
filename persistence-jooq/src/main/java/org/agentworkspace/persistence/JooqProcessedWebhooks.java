package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.PROCESSED_WEBHOOKS;

import java.time.Instant;
import org.agentworkspace.core.port.out.ProcessedWebhooks;

/**
 * Delivery ids already applied. The primary key decides between concurrent copies: the second
 * insert waits for the first transaction and then inserts nothing.
 */
public final class JooqProcessedWebhooks implements ProcessedWebhooks {
    private final JooqTransactions tx;

    public JooqProcessedWebhooks(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean markProcessed(String deliveryId, Instant at) {
        return tx.dsl().insertInto(PROCESSED_WEBHOOKS)
                .set(PROCESSED_WEBHOOKS.DELIVERY_ID, deliveryId)
                .set(PROCESSED_WEBHOOKS.PROCESSED_AT, at)
                .onConflict(PROCESSED_WEBHOOKS.DELIVERY_ID).doNothing()
                .execute() == 1;
    }
}

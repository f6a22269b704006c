package org.agentworkspace.persistence;

import java.time.Instant;
import org.agentworkspace.core.port.out.ProcessedWebhooks;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Delivery ids already applied. The primary key decides between concurrent copies: the second
 * insert waits for the first transaction and then inserts nothing. The table is not agent-owned
 * and the server's role has no grant on it: {@code aw_mark_webhook_processed} (a {@code SECURITY
 * DEFINER} function) is the only way in.
 */
public final class JooqProcessedWebhooks implements ProcessedWebhooks {
    private final JooqTransactions tx;

    public JooqProcessedWebhooks(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean markProcessed(String deliveryId, Instant at) {
        return tx.dsl().select(DSL.function("aw_mark_webhook_processed", SQLDataType.BOOLEAN,
                        DSL.val(deliveryId, SQLDataType.CLOB), DSL.val(at, SQLDataType.INSTANT)))
                .fetchSingle().value1();
    }
}

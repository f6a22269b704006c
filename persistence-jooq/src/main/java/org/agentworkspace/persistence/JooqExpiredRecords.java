package org.agentworkspace.persistence;

import java.time.Instant;
import java.util.Objects;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Deletes what has outlived its use: idempotency records past their expiry and webhook delivery
 * ids recorded before a cut-off. Each call is one short transaction through the {@code SECURITY
 * DEFINER} function {@code aw_purge_expired} (V18), which deletes at most one batch of each and
 * lets only one instance purge at a time (the others get zero counts at once).
 */
public final class JooqExpiredRecords {
    private final JooqTransactions tx;

    JooqExpiredRecords(JooqTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /** How many rows one call deleted; a count equal to the batch means more may be left. */
    public record Purged(int idempotencyRecords, int processedWebhooks) {
    }

    /**
     * @param now               idempotency records expiring at or before it are deleted
     * @param webhooksBefore    delivery ids processed before it are deleted
     * @param batch             at most this many rows of each kind, at least 1
     */
    public Purged purgeOnce(Instant now, Instant webhooksBefore, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        return tx.inTransaction(() -> {
            Record2<Integer, Integer> row = tx.dsl().resultQuery("select idempotency_records, processed_webhooks"
                            + " from aw_purge_expired({0}, {1}, {2})", DSL.val(now, SQLDataType.INSTANT),
                            DSL.val(webhooksBefore, SQLDataType.INSTANT), DSL.val(batch))
                    .coerce(DSL.field("idempotency_records", Integer.class), DSL.field("processed_webhooks", Integer.class))
                    .fetchSingle();
            return new Purged(row.value1(), row.value2());
        });
    }
}

package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.IDEMPOTENCY_RECORDS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.IdempotencyRecord;
import org.agentworkspace.core.port.out.IdempotencyRepository;
import org.agentworkspace.persistence.generated.tables.records.IdempotencyRecordsRecord;
import org.jooq.impl.DSL;

/**
 * Idempotency records in PostgreSQL, so they hold across instances. The in-flight lock is a
 * transaction-scoped advisory lock: it is released by commit or rollback, also when a process dies.
 */
public final class JooqIdempotencyRepository implements IdempotencyRepository {
    private final JooqTransactions tx;

    public JooqIdempotencyRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean tryLock(AgentScope scope, String key) {
        return tx.dsl().select(DSL.field("pg_try_advisory_xact_lock(hashtextextended({0}, 0))", Boolean.class,
                        DSL.val(scope.agentId() + ":" + key)))
                .fetchOne(0, Boolean.class);
    }

    @Override
    public Optional<IdempotencyRecord> find(AgentScope scope, String key, Instant now) {
        return tx.dsl().selectFrom(IDEMPOTENCY_RECORDS)
                .where(IDEMPOTENCY_RECORDS.AGENT_ID.eq(scope.agentId().value()))
                .and(IDEMPOTENCY_RECORDS.KEY.eq(key))
                .and(IDEMPOTENCY_RECORDS.EXPIRES_AT.gt(now))
                .fetchOptional(JooqIdempotencyRepository::toRecord);
    }

    @Override
    public void save(AgentScope scope, IdempotencyRecord record) {
        StoredResponse response = record.response();
        String headers = encode(response.headers());
        tx.dsl().insertInto(IDEMPOTENCY_RECORDS)
                .set(IDEMPOTENCY_RECORDS.AGENT_ID, scope.agentId().value())
                .set(IDEMPOTENCY_RECORDS.KEY, record.key())
                .set(IDEMPOTENCY_RECORDS.FINGERPRINT, record.requestFingerprint())
                .set(IDEMPOTENCY_RECORDS.STATUS, response.status())
                .set(IDEMPOTENCY_RECORDS.HEADERS, headers)
                .set(IDEMPOTENCY_RECORDS.BODY, response.body())
                .set(IDEMPOTENCY_RECORDS.CREATED_AT, record.createdAt())
                .set(IDEMPOTENCY_RECORDS.EXPIRES_AT, record.expiresAt())
                .onConflict(IDEMPOTENCY_RECORDS.AGENT_ID, IDEMPOTENCY_RECORDS.KEY).doUpdate()
                .set(IDEMPOTENCY_RECORDS.FINGERPRINT, record.requestFingerprint())
                .set(IDEMPOTENCY_RECORDS.STATUS, response.status())
                .set(IDEMPOTENCY_RECORDS.HEADERS, headers)
                .set(IDEMPOTENCY_RECORDS.BODY, response.body())
                .set(IDEMPOTENCY_RECORDS.CREATED_AT, record.createdAt())
                .set(IDEMPOTENCY_RECORDS.EXPIRES_AT, record.expiresAt())
                // Only an expired record may be replaced; a live one is replayed, never overwritten.
                .where(IDEMPOTENCY_RECORDS.EXPIRES_AT.le(record.createdAt()))
                .execute();
    }

    /** One {@code Name: value} per line; header names and values never contain line breaks. */
    private static String encode(Map<String, String> headers) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }

    private static IdempotencyRecord toRecord(IdempotencyRecordsRecord r) {
        return new IdempotencyRecord(r.getKey(), r.getFingerprint(),
                new StoredResponse(r.getStatus(), decode(r.getHeaders()), r.getBody()), r.getCreatedAt(),
                r.getExpiresAt());
    }
}

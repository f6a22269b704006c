package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.API_KEYS;

import java.time.Instant;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.Uuids;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.ApiKeyRepository;

/** API-key digests of the scope's agent. The key itself never reaches the database. */
public final class JooqApiKeyRepository implements ApiKeyRepository {
    private final JooqTransactions tx;

    public JooqApiKeyRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void replace(AgentScope scope, KeyDigest digest, Instant issuedAt) {
        // One statement on the unique agent_id: concurrent regenerations queue on the row, the
        // later one wins, and never two keys stay live.
        tx.dsl().insertInto(API_KEYS)
                .set(API_KEYS.ID, Uuids.timeOrdered())
                .set(API_KEYS.AGENT_ID, scope.agentId().value())
                .set(API_KEYS.DIGEST, digest.bytes())
                .set(API_KEYS.CREATED_AT, issuedAt)
                .onConflict(API_KEYS.AGENT_ID).doUpdate()
                .set(API_KEYS.ID, Uuids.timeOrdered())
                .set(API_KEYS.DIGEST, digest.bytes())
                .set(API_KEYS.CREATED_AT, issuedAt)
                .execute();
    }
}

package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.API_KEYS;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.ApiKeyRepository;
import org.agentworkspace.persistence.generated.tables.records.ApiKeysRecord;
import org.jooq.Condition;

/**
 * API keys of the scope's agent, as digests only: the key itself never reaches the database.
 * Every statement carries {@code agent_id = <scope>}; "live" is {@code revoked_at is null}.
 */
public final class JooqApiKeyRepository implements ApiKeyRepository {
    private final JooqTransactions tx;

    public JooqApiKeyRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    private static Condition live(AgentScope scope) {
        return API_KEYS.AGENT_ID.eq(scope.agentId().value()).and(API_KEYS.REVOKED_AT.isNull());
    }

    @Override
    public void replaceAll(AgentScope scope, AgentKey key, KeyDigest digest, Instant at) {
        tx.keysChanged();
        // Both statements in the caller's transaction: no instant sees the old keys and the new one live.
        tx.dsl().update(API_KEYS).set(API_KEYS.REVOKED_AT, at)
                .setNull(API_KEYS.PREVIOUS_DIGEST).setNull(API_KEYS.PREVIOUS_VALID_UNTIL)
                .where(live(scope)).execute();
        insert(scope, key, digest);
    }

    @Override
    public void insert(AgentScope scope, AgentKey key, KeyDigest digest) {
        tx.dsl().insertInto(API_KEYS)
                .set(API_KEYS.ID, key.id().value())
                .set(API_KEYS.AGENT_ID, scope.agentId().value())
                .set(API_KEYS.DIGEST, digest.bytes())
                .set(API_KEYS.LABEL, key.label())
                .set(API_KEYS.SCOPES, wire(key.scopes()))
                .set(API_KEYS.PREFIX, key.prefix())
                .set(API_KEYS.EXPIRES_AT, key.expiresAt())
                .set(API_KEYS.CREATED_AT, key.createdAt())
                .set(API_KEYS.LAST_USED_AT, key.lastUsedAt())
                .execute();
    }

    @Override
    public List<AgentKey> list(AgentScope scope) {
        return tx.dsl().selectFrom(API_KEYS).where(live(scope))
                .orderBy(API_KEYS.CREATED_AT, API_KEYS.ID)
                .fetch(JooqApiKeyRepository::toKey);
    }

    @Override
    public Optional<AgentKey> find(AgentScope scope, ApiKeyId id) {
        return tx.dsl().selectFrom(API_KEYS).where(live(scope)).and(API_KEYS.ID.eq(id.value()))
                .fetchOptional(JooqApiKeyRepository::toKey);
    }

    @Override
    public boolean revoke(AgentScope scope, ApiKeyId id, Instant at) {
        tx.keysChanged();
        return tx.dsl().update(API_KEYS).set(API_KEYS.REVOKED_AT, at)
                .setNull(API_KEYS.PREVIOUS_DIGEST).setNull(API_KEYS.PREVIOUS_VALID_UNTIL)
                .where(live(scope)).and(API_KEYS.ID.eq(id.value()))
                .execute() == 1;
    }

    @Override
    public Optional<AgentKey> rotate(AgentScope scope, ApiKeyId id, KeyDigest digest, String prefix,
                                     Instant previousValidUntil) {
        tx.keysChanged();
        // One statement: "previous" takes the digest the row held before it (PostgreSQL evaluates
        // every right-hand side against the old row), so a grace always covers the secret in use.
        var update = tx.dsl().update(API_KEYS)
                .set(API_KEYS.DIGEST, digest.bytes())
                .set(API_KEYS.PREFIX, prefix);
        var withPrevious = previousValidUntil == null
                ? update.setNull(API_KEYS.PREVIOUS_DIGEST).setNull(API_KEYS.PREVIOUS_VALID_UNTIL)
                : update.set(API_KEYS.PREVIOUS_DIGEST, API_KEYS.DIGEST)
                        .set(API_KEYS.PREVIOUS_VALID_UNTIL, previousValidUntil);
        return withPrevious.where(live(scope)).and(API_KEYS.ID.eq(id.value()))
                .returning()
                .fetchOptional()
                .map(JooqApiKeyRepository::toKey);
    }

    private static String[] wire(Set<Scope> scopes) {
        // In the enum's order, so equal sets are stored alike.
        return EnumSet.copyOf(scopes).stream().map(Scope::wireName).toArray(String[]::new);
    }

    static Set<Scope> scopes(String[] wire) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : wire) {
            // The column's check admits only known names; an unknown one is a schema drift, not input.
            scopes.add(Scope.fromWire(name).orElseThrow(() -> new IllegalStateException("unknown scope in api_keys")));
        }
        return scopes;
    }

    private static AgentKey toKey(ApiKeysRecord r) {
        return new AgentKey(new ApiKeyId(r.getId()), new AgentId(r.getAgentId()), r.getLabel(), scopes(r.getScopes()),
                r.getPrefix(), r.getExpiresAt(), r.getCreatedAt(), r.getLastUsedAt());
    }
}

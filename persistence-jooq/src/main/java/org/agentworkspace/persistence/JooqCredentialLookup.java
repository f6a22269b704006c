package org.agentworkspace.persistence;

import java.time.Instant;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The chain's two lookups before a scope exists. Row-level security hides every row while no
 * scope is set, so both go through the schema owner's narrow {@code SECURITY DEFINER} functions
 * ({@code aw_agent_by_key_digest}, {@code aw_feed_by_token}); both are unique-index equality lookups.
 */
public final class JooqCredentialLookup implements CredentialLookup {
    private final JooqTransactions tx;
    private final KeyHints hints;

    public JooqCredentialLookup(JooqTransactions tx) {
        this.tx = tx;
        this.hints = tx.keyHints();
    }

    /** The last answer for this digest on this instance, if kept ({@link KeyHints}). */
    @Override
    public Optional<AgentCredential> recentAgentByKeyDigest(KeyDigest digest) {
        return hints.get(digest);
    }

    private static final String AGENT_BY_KEY_DIGEST = "select agent_id, status, key_id, label, scopes, expires_at, "
            + "last_used_at, previous_valid_until from aw_agent_by_key_digest(?)";
    private static final String RECORD_KEY_USE = "select aw_touch_api_key(?, ?, ?)";
    private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    private static final Field<UUID> AGENT_ID = DSL.field(DSL.name("agent_id"), SQLDataType.UUID);
    private static final Field<String> TOKEN = DSL.field(DSL.name("token"), SQLDataType.CLOB);
    private static final Field<String> DETAIL = DSL.field(DSL.name("detail"), SQLDataType.CLOB);
    private static final Field<Instant> LAST_FETCHED_AT = DSL.field(DSL.name("last_fetched_at"), SQLDataType.INSTANT);
    private static final Field<String> LAST_FETCHED_BY = DSL.field(DSL.name("last_fetched_by"), SQLDataType.CLOB);

    @Override
    public Optional<AgentCredential> agentByKeyDigest(KeyDigest digest) {
        Optional<AgentCredential> found = lookUp(digest);
        hints.remember(digest, found);
        return found;
    }

    private Optional<AgentCredential> lookUp(KeyDigest digest) {
        // Plain JDBC: this runs on every hint miss, and jOOQ's rendering was most of its cost.
        return tx.dsl().connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(AGENT_BY_KEY_DIGEST)) {
                statement.setBytes(1, digest.bytes());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Array scopes = row.getArray(5);
                    try {
                        return Optional.of(new AgentCredential(new AgentId(row.getObject(1, UUID.class)),
                                AgentStatus.fromWire(row.getString(2)).orElseThrow(),
                                new ApiKeyId(row.getObject(3, UUID.class)), row.getString(4),
                                JooqApiKeyRepository.scopes((String[]) scopes.getArray()),
                                instant(row, 6), instant(row, 7), instant(row, 8)));
                    } finally {
                        scopes.free();
                    }
                }
            }
        });
    }

    @Override
    public boolean recordKeyUse(ApiKeyId keyId, Instant at, Instant staleBefore) {
        return tx.dsl().connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD_KEY_USE)) {
                statement.setObject(1, keyId.value());
                statement.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                statement.setObject(3, OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC));
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    private static Instant instant(ResultSet row, int column) throws java.sql.SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public Optional<FeedCredential> feedByToken(FeedToken token) {
        // The agent comes from the row, not from the request: the use case compares it with the URL's.
        return tx.dsl().select(ID, AGENT_ID, TOKEN, DETAIL, LAST_FETCHED_AT, LAST_FETCHED_BY)
                .from(DSL.table("aw_feed_by_token({0})", DSL.val(token.reveal(), SQLDataType.CLOB)))
                .fetchOptional(r -> new FeedCredential(new SubscriptionId(r.value1()), new AgentId(r.value2()),
                        FeedToken.parse(r.value3()).orElseThrow(), FeedDetail.fromWire(r.value4()).orElseThrow(),
                        r.value5(), r.value6()));
    }
}

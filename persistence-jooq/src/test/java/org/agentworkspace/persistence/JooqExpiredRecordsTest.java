package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The periodic purge's database side (V18), on real PostgreSQL as the runtime role. */
class JooqExpiredRecordsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant WEBHOOKS_BEFORE = NOW.minus(Duration.ofDays(7));

    private final TestDatabases.Database db = RuntimeRoleDatabases.fresh();
    private final JooqExpiredRecords purge = JooqPersistence.create(db.runtimeDataSource()).expiredRecords();
    private final UUID agentA = UUID.randomUUID();
    private final UUID agentB = UUID.randomUUID();

    @BeforeEach
    void someExpiredSomeLive() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into users (id, created_at, updated_at) values ('user_1', now(), now())");
            for (UUID agent : new UUID[] {agentA, agentB}) {
                s.execute("insert into agents (id, owner_id, name, timezone, status, created_at, updated_at) values ('"
                        + agent + "', 'user_1', 'n', 'UTC', 'active', now(), now())");
            }
        }
        record(agentA, "a-expired", NOW.minusSeconds(3600));
        record(agentA, "a-expires-now", NOW);
        record(agentA, "a-live", NOW.plusSeconds(3600));
        record(agentB, "b-expired-1", NOW.minusSeconds(60));
        record(agentB, "b-expired-2", NOW.minusSeconds(60));
        webhook("msg_old", WEBHOOKS_BEFORE.minusSeconds(1));
        webhook("msg_recent", NOW.minusSeconds(3600));
    }

    @Test
    void deletesExpiredRecordsOfEveryAgentAndOldWebhookIdsInBoundedBatchesAndKeepsTheRest() throws SQLException {
        assertThat(purge.purgeOnce(NOW, WEBHOOKS_BEFORE, 3)).isEqualTo(new JooqExpiredRecords.Purged(3, 1));
        assertThat(purge.purgeOnce(NOW, WEBHOOKS_BEFORE, 3)).isEqualTo(new JooqExpiredRecords.Purged(1, 0));
        assertThat(purge.purgeOnce(NOW, WEBHOOKS_BEFORE, 3)).isEqualTo(new JooqExpiredRecords.Purged(0, 0));

        assertThat(count("select count(*) from idempotency_records")).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_records where key = 'a-live'")).isEqualTo(1);
        assertThat(count("select count(*) from processed_webhooks where delivery_id = 'msg_recent'")).isEqualTo(1);
        assertThat(count("select count(*) from processed_webhooks")).isEqualTo(1);
    }

    @Test
    void whileAnotherInstancePurgesThisOneReturnsAtOnceWithNothingDeleted() throws SQLException {
        try (Connection other = db.dataSource().getConnection(); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("select pg_advisory_xact_lock(hashtextextended('aw_purge_expired', 0))");

            assertThat(purge.purgeOnce(NOW, WEBHOOKS_BEFORE, 100)).isEqualTo(new JooqExpiredRecords.Purged(0, 0));
            assertThat(count("select count(*) from idempotency_records")).isEqualTo(5);

            other.commit();
        }
        assertThat(purge.purgeOnce(NOW, WEBHOOKS_BEFORE, 100)).isEqualTo(new JooqExpiredRecords.Purged(4, 1));
    }

    @Test
    void theRuntimeRoleItselfStillCannotDeleteOtherAgentsRecordsNorClaimTheDefinerContext() throws SQLException {
        try (Connection c = db.runtimeDataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select set_config('aw.definer', 'on', true)");
            assertThat(s.executeUpdate("delete from idempotency_records")).isZero();
            assertThatThrownBy(() -> s.executeUpdate("delete from processed_webhooks"))
                    .as("no grant on the table at all").hasMessageContaining("permission denied");
            c.rollback();
        }
        assertThat(count("select count(*) from idempotency_records")).isEqualTo(5);
    }

    private void record(UUID agent, String key, Instant expiresAt) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                "insert into idempotency_records (agent_id, key, fingerprint, status, headers, body, created_at, expires_at)"
                        + " values (?, ?, 'f', 201, '', '{}', ?, ?)")) {
            p.setObject(1, agent);
            p.setString(2, key);
            p.setTimestamp(3, Timestamp.from(expiresAt.minus(Duration.ofDays(1))));
            p.setTimestamp(4, Timestamp.from(expiresAt));
            p.executeUpdate();
        }
    }

    private void webhook(String id, Instant processedAt) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                "insert into processed_webhooks (delivery_id, processed_at) values (?, ?)")) {
            p.setString(1, id);
            p.setTimestamp(2, Timestamp.from(processedAt));
            p.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

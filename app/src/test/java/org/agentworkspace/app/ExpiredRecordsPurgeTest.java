package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.persistence.JooqExpiredRecords;
import org.agentworkspace.persistence.JooqPersistence;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** One run of the periodic purge works off more than a batch, and counts what it deleted. */
class ExpiredRecordsPurgeTest {

    @Test
    void aRunRepeatsBatchesUntilTheBacklogIsGoneAndCountsTheDeletedRows() throws Exception {
        TestDatabases.Database db = TestDatabases.fresh("purge_rls",
                owner -> FlywayMigrations.migrate(owner, TestDatabases.RUNTIME_ROLE));
        int expired = ExpiredRecordsPurge.BATCH * 2 + 7;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into users (id, created_at, updated_at) values ('user_1', now(), now())");
            s.execute("insert into agents (id, owner_id, name, timezone, status, created_at, updated_at) values"
                    + " ('00000000-0000-4000-8000-000000000001', 'user_1', 'n', 'UTC', 'active', now(), now())");
            s.execute("insert into idempotency_records (agent_id, key, fingerprint, status, headers, body, created_at, expires_at)"
                    + " select '00000000-0000-4000-8000-000000000001', 'k' || i, 'f', 201, '', '{}',"
                    + " now() - interval '2 days', now() - interval '1 day' from generate_series(1, " + expired + ") i");
            s.execute("insert into idempotency_records (agent_id, key, fingerprint, status, headers, body, created_at, expires_at)"
                    + " values ('00000000-0000-4000-8000-000000000001', 'live', 'f', 201, '', '{}', now(), now() + interval '1 day')");
            s.execute("insert into processed_webhooks (delivery_id, processed_at) values"
                    + " ('msg_old', now() - interval '8 days'), ('msg_new', now() - interval '1 hour')");
        }
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        JooqExpiredRecords records = JooqPersistence.create(db.runtimeDataSource()).expiredRecords();
        ExpiredRecordsPurge purge = new ExpiredRecordsPurge(records, Duration.ofDays(7), Clock.systemUTC(), metrics);

        assertThat(purge.run()).isEqualTo(new JooqExpiredRecords.Purged(expired, 1));
        assertThat(purge.run()).isEqualTo(new JooqExpiredRecords.Purged(0, 0));

        assertThat(metrics.get("aw.purge.deleted").tag("kind", "idempotency_record").counter().count()).isEqualTo(expired);
        assertThat(metrics.get("aw.purge.deleted").tag("kind", "webhook_id").counter().count()).isEqualTo(1);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select string_agg(key, ',') from idempotency_records),"
                     + " (select string_agg(delivery_id, ',') from processed_webhooks)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("live");
            assertThat(rs.getString(2)).isEqualTo("msg_new");
        }
    }

    @Test
    void theIntervalIsConfigurableAndZeroTurnsThePurgeOff() {
        assertThat(ExpiredRecordsPurge.start(Map.of("AW_PURGE_INTERVAL_SECONDS", "0"), null, new SimpleMeterRegistry()))
                .isEmpty();
        assertThatThrownBy(() -> ExpiredRecordsPurge.start(Map.of("AW_PURGE_INTERVAL_SECONDS", "soon"), null,
                new SimpleMeterRegistry())).isInstanceOf(ConfigException.class).hasMessageContaining("AW_PURGE_INTERVAL_SECONDS");
        assertThatThrownBy(() -> ExpiredRecordsPurge.start(Map.of("AW_WEBHOOK_ID_RETENTION_HOURS", "0"), null,
                new SimpleMeterRegistry())).isInstanceOf(ConfigException.class).hasMessageContaining("AW_WEBHOOK_ID_RETENTION_HOURS");
        try (ExpiredRecordsPurge started = ExpiredRecordsPurge.start(Map.of("AW_PURGE_INTERVAL_SECONDS", "3600"), null,
                new SimpleMeterRegistry()).orElseThrow()) {
            assertThat(started).isNotNull();
        }
    }
}

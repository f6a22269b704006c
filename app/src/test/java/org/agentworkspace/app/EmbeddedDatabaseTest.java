package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndAStart() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir);
             Connection c = first.superuserDataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("create table survives (v text)");
            s.execute("insert into survives values ('still here')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir);
             Connection c = second.superuserDataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from survives")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(second.url().jdbcUrl()).contains("/" + EmbeddedDatabase.DATABASE);
        }
    }

    @Test
    void durabilitySettingsAreOnDespiteTheLibraryDefault() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = db.superuserDataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
        }
    }

    @Test
    void aSecondStartAttachesToTheRunningServerInsteadOfFailingOnTheLock() throws Exception {
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir)) {
            try (Connection c = owner.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("create table shared (v text)");
                s.execute("insert into shared values ('seen by both')");
            }
            try (EmbeddedDatabase attached = EmbeddedDatabase.start(dataDir)) {
                assertThat(attached.port()).isEqualTo(owner.port());
                try (Connection c = attached.superuserDataSource().getConnection();
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select v from shared")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("seen by both");
                }
            }
            // Closing the attached handle must leave the owner's server running.
            try (Connection c = owner.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(s.execute("select 1")).isTrue();
            }
        }
    }

    @Test
    void theServerOfTheEmbeddedDefaultRunsAsTheRuntimeRoleNotAsTheSuperuser() throws Exception {
        try (Application app = Application.open(AppConfig.fromEnvironment(Map.of("AW_DATA_DIR", dataDir.toString())))) {
            // Read through the server's own pool: the runtime role was granted the history table.
            assertThat(app.schemaVersion()).as("the newest applied migration").matches("[1-9][0-9]*");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            DatabaseUrl url = db.url();
            assertThat(url.user()).isEqualTo(EmbeddedDatabase.RUNTIME_ROLE);
            PGSimpleDataSource runtime = new PGSimpleDataSource();
            runtime.setUrl(url.jdbcUrl());
            runtime.setUser(url.user());
            runtime.setPassword(url.password());
            try (Connection c = runtime.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_user, r.rolsuper, r.rolbypassrls,"
                         + " (select count(*) from events), pg_get_userbyid(c.relowner)"
                         + " from pg_roles r, pg_class c where r.rolname = current_user and c.oid = 'events'::regclass")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.RUNTIME_ROLE);
                assertThat(rs.getBoolean(2)).as("superuser").isFalse();
                assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
                assertThat(rs.getLong(4)).as("rows visible without a scope").isZero();
                assertThat(rs.getString(5)).as("owner of the tables").isEqualTo(EmbeddedDatabase.OWNER_ROLE);
            }
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.RUNTIME_PASSWORD_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aSchemaCreatedByTheSuperuserBeforeTheTwoRolesIsHandedToTheOwnerRole() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir);
             Connection c = first.superuserDataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("create table from_before (v text)");
            s.execute("alter table from_before owner to postgres");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir);
             Connection c = second.superuserDataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_get_userbyid(relowner) from pg_class where oid = 'from_before'::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.OWNER_ROLE);
        }
    }
}

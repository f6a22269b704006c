package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

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

    @Test
    void noRoleSignsInWithoutItsPasswordNotEvenTheSuperuserOverLoopback() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            for (String role : new String[] {EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.OWNER_ROLE, EmbeddedDatabase.RUNTIME_ROLE}) {
                assertRefused(db.port(), role, null);
                assertRefused(db.port(), role, "not-the-password");
            }
            // The server still works for whoever holds the files.
            try (Connection c = db.superuserDataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.SUPERUSER);
            }
            assertSignsIn(db.url(), EmbeddedDatabase.RUNTIME_ROLE);
            assertSignsIn(db.migrationUrl(), EmbeddedDatabase.OWNER_ROLE);
        }
        for (String file : new String[] {EmbeddedDatabase.SUPERUSER_PASSWORD_FILE, EmbeddedDatabase.OWNER_PASSWORD_FILE,
                EmbeddedDatabase.RUNTIME_PASSWORD_FILE}) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(file))).as(file)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        String superuserPassword = Files.readString(dataDir.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE));
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            assertThat(Files.readString(dataDir.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)))
                    .as("kept across restarts").isEqualTo(superuserPassword);
            assertRefused(again.port(), EmbeddedDatabase.SUPERUSER, null);
            assertSignsIn(again.url(), EmbeddedDatabase.RUNTIME_ROLE);
        }
    }

    @Test
    void aMissingSuperuserPasswordFileIsNamedAtOnceInsteadOfBeingReplacedByOneTheServerDoesNotKnow() throws Exception {
        EmbeddedDatabase.start(dataDir).close();
        Files.delete(dataDir.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE));

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir).close())
                .hasMessageContaining(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE + " is missing")
                .hasMessageContaining("restore it");
        assertThat(dataDir.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void aDataDirectoryFromAnEarlierVersionThatTrustedEveryLocalProcessIsUpgradedAtStart() throws Exception {
        // What earlier versions left: the library's initdb with "trust" for every local connection.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres",
                     credentials(EmbeddedDatabase.SUPERUSER, null));
             Statement s = c.createStatement()) {
            s.execute("create database " + EmbeddedDatabase.DATABASE);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertRefused(db.port(), EmbeddedDatabase.SUPERUSER, null);
            assertRefused(db.port(), EmbeddedDatabase.RUNTIME_ROLE, null);
            assertSignsIn(db.url(), EmbeddedDatabase.RUNTIME_ROLE);
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).isEqualTo(EmbeddedDatabase.HBA);
        }
    }

    private static void assertRefused(int port, String role, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                + EmbeddedDatabase.DATABASE, credentials(role, password)).close())
                .as("%s with %s", role, password == null ? "no password" : "a wrong password")
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                        .as(e.getMessage()).isIn("08004", "28P01"));
    }

    private static void assertSignsIn(DatabaseUrl url, String role) throws SQLException {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), credentials(url.user(), url.password()));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(role);
        }
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }
}

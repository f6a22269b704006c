package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
}

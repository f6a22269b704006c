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
}

package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-level security does not filter a superuser or a BYPASSRLS role, so the server refuses such
 * a runtime role unless the operator says so (issue 15).
 */
class PrivilegedDatabaseRoleTest {
    private static final String BYPASSING_ROLE = "aw_test_bypassrls";

    @TempDir
    Path dataDir;

    private final TestDatabases.Database db = TestDatabases.fresh("schema", FlywayMigrations::migrate);

    @Test
    void aSuperuserRuntimeRoleIsRefusedWithTheFixNamed() {
        assertThatThrownBy(() -> Application.open(config(url(db.server().user(), db.server().password()), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a superuser")
                .hasMessageContaining("without SUPERUSER and BYPASSRLS")
                .hasMessageContaining("docs/operations.md")
                .hasMessageContaining("AW_ALLOW_PRIVILEGED_DATABASE_ROLE=true");
    }

    @Test
    void aBypassRlsRuntimeRoleIsRefused() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin create role " + BYPASSING_ROLE + " login nosuperuser bypassrls password '"
                    + TestDatabases.ROLE_PASSWORD + "'; exception when duplicate_object then null; end $$");
        }
        assertThatThrownBy(() -> Application.open(config(url(BYPASSING_ROLE, TestDatabases.ROLE_PASSWORD), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"" + BYPASSING_ROLE + "\", which has BYPASSRLS");
    }

    @Test
    void theOverrideAdmitsAPrivilegedRoleAndAnUnprivilegedOneNeedsNone() {
        try (Application app = Application.open(config(url(db.server().user(), db.server().password()),
                Map.of("AW_ALLOW_PRIVILEGED_DATABASE_ROLE", "true")))) {
            assertThat(app.schemaVersion()).matches("[1-9][0-9]*");
        }
        try (Application app = Application.open(config(url(TestDatabases.RUNTIME_ROLE, TestDatabases.ROLE_PASSWORD),
                Map.of("DATABASE_MIGRATION_URL", url(TestDatabases.OWNER_ROLE, TestDatabases.ROLE_PASSWORD))))) {
            assertThat(app.schemaVersion()).matches("[1-9][0-9]*");
        }
    }

    private String url(String user, String password) {
        return db.server().jdbcUrl(db.name()) + "?user=" + user + (password == null ? "" : "&password=" + password);
    }

    private AppConfig config(String databaseUrl, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("DATABASE_URL", databaseUrl);
        env.put("AW_DATA_DIR", dataDir.toString());
        env.put("PORT", "0");
        return AppConfig.fromEnvironment(env);
    }
}

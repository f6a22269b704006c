package org.agentworkspace.persistence;

import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the schema migrations shipped in this module ({@code db/migration} on the classpath).
 * They run as the owner role, which then owns every table, policy and function; the server's
 * runtime role only receives grants (see {@code afterMigrate.sql}).
 */
public final class FlywayMigrations {
    /** The Flyway placeholder naming the role the server connects as. */
    public static final String RUNTIME_ROLE_PLACEHOLDER = "runtimeRole";

    private FlywayMigrations() {
    }

    /**
     * Applies pending migrations for a server that connects as the same role as the migrations
     * (row-level security is forced, so it still filters that role). Safe to run from several
     * instances at once (Flyway locks).
     */
    public static void migrate(DataSource ownerDataSource) {
        migrate(ownerDataSource, "");
    }

    /**
     * Applies pending migrations as the owner and grants {@code runtimeRole} what the server
     * needs. The role must exist, must not be a superuser, have BYPASSRLS or be a member of the
     * owner; an empty name, or the owner's own name, grants nothing.
     */
    public static void migrate(DataSource ownerDataSource, String runtimeRole) {
        flyway(ownerDataSource, Objects.requireNonNull(runtimeRole, "runtimeRole")).migrate();
    }

    /** The version of the newest applied migration, or "none". */
    public static String currentVersion(DataSource dataSource) {
        MigrationInfo current = flyway(dataSource, "").info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private static Flyway flyway(DataSource dataSource, String runtimeRole) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of(RUNTIME_ROLE_PLACEHOLDER, runtimeRole))
                .loggers("slf4j").load();
    }
}

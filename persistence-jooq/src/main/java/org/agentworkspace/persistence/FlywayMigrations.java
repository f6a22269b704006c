package org.agentworkspace.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Applies the schema migrations shipped in this module ({@code db/migration} on the classpath). */
public final class FlywayMigrations {
    private FlywayMigrations() {
    }

    /** Applies pending migrations; safe to run from several instances at once (Flyway locks). */
    public static void migrate(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    /** The version of the newest applied migration, or "none". */
    public static String currentVersion(DataSource dataSource) {
        MigrationInfo current = flyway(dataSource).info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .loggers("slf4j").load();
    }
}

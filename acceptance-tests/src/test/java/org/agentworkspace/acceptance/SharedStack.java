package org.agentworkspace.acceptance;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One jar on a PostgreSQL the tests can read directly, shared by the attack tests (isolation, fuzzing,
 * rotation, webhooks) so the server starts once per run. The crash and outage tests start their own.
 */
final class SharedStack {
    private static SharedStack instance;

    final PostgresServer postgres;
    final Clerk clerk;
    final AppProcess app;
    final Api api;
    final Map<String, String> environment;

    private SharedStack(PostgresServer postgres, Clerk clerk, AppProcess app, Map<String, String> environment) {
        this.postgres = postgres;
        this.clerk = clerk;
        this.app = app;
        this.api = new Api(app.baseUri());
        this.environment = environment;
    }

    static synchronized SharedStack get() {
        if (instance == null) {
            Path dir = Knobs.workDir().resolve("shared-" + System.nanoTime());
            PostgresServer postgres = PostgresServer.startFresh(dir.resolve("pg"));
            Clerk clerk = new Clerk();
            Map<String, String> environment = environment(postgres, clerk, dir);
            AppProcess app = AppProcess.start("shared", environment);
            assertServingAsRuntimeRole(postgres);
            instance = new SharedStack(postgres, clerk, app, environment);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                postgres.close();
            }, "shared-stack-stop"));
        }
        return instance;
    }

    static Map<String, String> environment(PostgresServer postgres, Clerk clerk, Path dir) {
        Map<String, String> env = new HashMap<>(clerk.environment());
        // Migrated by the owner, served by the runtime role: row-level security is up while the attacks run.
        env.put("DATABASE_URL", postgres.jdbcUrl());
        env.put("DATABASE_MIGRATION_URL", postgres.migrationUrl());
        env.put("AW_DATA_DIR", dir.resolve("data").toString());
        env.putAll(rateLimitOverrides());
        return env;
    }

    /** Fails unless every session the jar holds on {@code postgres} is the unprivileged runtime role. */
    static void assertServingAsRuntimeRole(PostgresServer postgres) {
        try (var superuser = postgres.connect()) {
            ServingRole.assertServingAs(superuser, PostgresServer.RUNTIME_ROLE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The attacks send thousands of requests from one address; any {@code AW_RATE_LIMIT_*} variable
     * of the test run is passed on, so limits can be raised without touching the tests.
     */
    static Map<String, String> rateLimitOverrides() {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("AW_RATE_LIMIT_")) {
                env.put(k, v);
            }
        });
        return env;
    }
}

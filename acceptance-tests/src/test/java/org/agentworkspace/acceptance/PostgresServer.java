package org.agentworkspace.acceptance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server the test owns, so it can stop it under load and start it again on the same
 * data directory and port, as an operator's database would come back after an outage.
 *
 * <p>Set up as docs/operations.md tells an operator to: {@link #OWNER_ROLE} owns the database and
 * runs the migrations ({@link #migrationUrl()}, the jar's {@code DATABASE_MIGRATION_URL}); the jar
 * serves as {@link #RUNTIME_ROLE} ({@link #jdbcUrl()}, its {@code DATABASE_URL}), which is no
 * superuser, has no BYPASSRLS and owns nothing, so row-level security is active for every request
 * the attacks send. Only the tests' own inspections ({@link #connect()}) use the superuser.
 */
final class PostgresServer implements AutoCloseable {
    static final String DATABASE = "agentworkspace";
    static final String OWNER_ROLE = "aw_owner";
    static final String RUNTIME_ROLE = "aw_runtime";
    // Roles of a throwaway test server on loopback; the embedded server trusts local connections anyway.
    private static final String OWNER_PASSWORD = "acceptance-owner";
    private static final String RUNTIME_PASSWORD = "acceptance-runtime";
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres running;

    private PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static PostgresServer startFresh(Path dataDir) {
        PostgresServer server = new PostgresServer(dataDir, freePort());
        // Not "clean": the library deletes a clean data directory when the server stops, and the
        // outage test restarts the server on the same data. A new directory gets initdb anyway.
        server.start(false);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("create role " + OWNER_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls"
                    + " password '" + OWNER_PASSWORD + "'");
            s.execute("create role " + RUNTIME_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls noinherit"
                    + " password '" + RUNTIME_PASSWORD + "'");
            s.execute("create database " + DATABASE + " owner " + OWNER_ROLE + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }

    void start(boolean clean) {
        try {
            running = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(clean).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restart() {
        start(false);
    }

    void stop() {
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = null;
    }

    /** What the jar gets as {@code DATABASE_URL}: the runtime role, to which row-level security applies. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + RUNTIME_ROLE + "&password=" + RUNTIME_PASSWORD;
    }

    /** What the jar gets as {@code DATABASE_MIGRATION_URL}: the owner of the schema. */
    String migrationUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + OWNER_ROLE + "&password=" + OWNER_PASSWORD;
    }

    /** As the superuser: for the tests' own setup and inspections, never for the jar. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** The superuser on the application's database: sees every row, past row-level security. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(DATABASE));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
    }
}

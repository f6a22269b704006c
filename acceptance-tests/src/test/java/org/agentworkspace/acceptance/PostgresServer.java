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
 */
final class PostgresServer implements AutoCloseable {
    static final String DATABASE = "agentworkspace";
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres running;

    private PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static PostgresServer startFresh(Path dataDir) {
        PostgresServer server = new PostgresServer(dataDir, freePort());
        server.start(true);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE + " encoding 'UTF8'");
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

    /** What the jar gets as {@code DATABASE_URL}. */
    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
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

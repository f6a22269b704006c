package org.agentworkspace.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: real PostgreSQL server binaries (shipped as a Maven artifact) running
 * on loopback with their data in {@code AW_DATA_DIR/postgres}, so the data survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "agentworkspace";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Null when attached to a server that another process of ours runs. */
    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts the server, or attaches to it when a running {@code serve} of the same data directory
     * already owns it — so {@code agent create} works while the server runs.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
            Optional<Integer> runningPort = portOfServerOwnedByAnotherProcess(pgData);
            if (runningPort.isPresent()) {
                LOG.info("Using the embedded PostgreSQL that another AgentWorkspace process runs on port {}", runningPort.get());
                return new EmbeddedDatabase(null, runningPort.get());
            }
            stopOrphanedServer(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The library starts PostgreSQL with fsync off (it is made for tests); acknowledged
                    // writes of the product must survive a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, postgres.getPort());
            database.createDatabaseIfMissing();
            LOG.info("Embedded PostgreSQL running on localhost:{} with data in {}", postgres.getPort(), pgData);
            return database;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    /** The lock file is held while a process runs the server; its postmaster.pid names the port (line 4). */
    private static Optional<Integer> portOfServerOwnedByAnotherProcess(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(lockFile) || !Files.exists(pidFile)) {
            return Optional.empty();
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // This JVM holds it already (tests start the server twice in one process).
        }
        java.util.List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.size() < 4 || !lines.get(3).trim().matches("\\d+")) {
            throw new IOException("The embedded PostgreSQL in " + pgData + " is in use but its port is unknown");
        }
        return Optional.of(Integer.parseInt(lines.get(3).trim()));
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running and holding the data directory.
     * Stop it, so the next start works instead of failing on the stale postmaster.pid.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        LOG.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier process", pid.get(), pgData);
        // SIGTERM is PostgreSQL's "smart" shutdown: it finishes cleanly once its clients are gone,
        // and the clients died with the previous JVM.
        process.get().destroy();
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("The PostgreSQL left running on " + pgData + " (pid " + pid.get() + ") did not stop", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = dataSource("postgres").getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database: " + e.getMessage(), e);
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + port + "/" + DATABASE, "postgres", null);
    }

    public DataSource superuserDataSource() {
        return dataSource(DATABASE);
    }

    private DataSource dataSource(String database) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }

    public int port() {
        return port;
    }

    /** Stops the server if this process started it; an attached one keeps running. */
    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.error("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}

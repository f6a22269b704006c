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
 *
 * <p>Two roles besides the bootstrap superuser, as on a managed database: {@link #OWNER_ROLE}
 * owns the database and runs the migrations; {@link #RUNTIME_ROLE}, which the server connects
 * as, owns nothing, is no superuser and has no BYPASSRLS, so row-level security applies to it.
 * Its password is generated once and kept in {@code AW_DATA_DIR/runtime-role.password},
 * readable by the file's owner only.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "agentworkspace";
    static final String OWNER_ROLE = "aw_owner";
    static final String RUNTIME_ROLE = "aw_runtime";
    static final String RUNTIME_PASSWORD_FILE = "runtime-role.password";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Null when attached to a server that another process of ours runs. */
    private final EmbeddedPostgres postgres;
    private final int port;
    private final String runtimePassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, String runtimePassword) {
        this.postgres = postgres;
        this.port = port;
        this.runtimePassword = runtimePassword;
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
                EmbeddedDatabase attached = new EmbeddedDatabase(null, runningPort.get(), runtimePassword(dataDir));
                attached.prepareRolesAndDatabase();
                return attached;
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
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, postgres.getPort(), runtimePassword(dataDir));
            try {
                database.prepareRolesAndDatabase();
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
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

    /** The runtime role's password, generated on first use and kept owner-readable only. */
    private static String runtimePassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve(RUNTIME_PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String password = java.util.HexFormat.of().formatHex(bytes);
        Path temporary = Files.createTempFile(dataDir, RUNTIME_PASSWORD_FILE, ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, password, StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data directory's own ACL protects it.
            LOG.debug("Cannot restrict {} to its owner on this file system", file);
        }
    }

    /**
     * Creates both roles and the database owned by the owner role; idempotent. A data directory
     * from before the two roles had its schema owned by the superuser: its objects are handed to
     * the owner role, so the migrations (as the owner) can alter them.
     */
    private void prepareRolesAndDatabase() {
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", OWNER_ROLE)) {
                s.execute("create role " + OWNER_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls");
            }
            if (!exists(c, "select 1 from pg_roles where rolname = ?", RUNTIME_ROLE)) {
                s.execute("create role " + RUNTIME_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls noinherit");
            }
            // The password follows the file, also when the file was replaced by hand.
            s.execute("alter role " + RUNTIME_ROLE + " password " + literal(runtimePassword));
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + OWNER_ROLE + " encoding 'UTF8'");
            } else {
                s.execute("alter database " + DATABASE + " owner to " + OWNER_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
        try (Connection c = dataSource(DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ declare o record; begin"
                    + " for o in select c.oid::regclass::text as name, c.relkind from pg_class c"
                    + "   join pg_namespace n on n.oid = c.relnamespace"
                    + "   where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'S')"
                    + "   and pg_get_userbyid(c.relowner) <> '" + OWNER_ROLE + "' loop"
                    + "   execute format('alter %s %s owner to " + OWNER_ROLE + "',"
                    + "     case o.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end, o.name);"
                    + " end loop;"
                    + " for o in select p.oid::regprocedure::text as name from pg_proc p"
                    + "   join pg_namespace n on n.oid = p.pronamespace"
                    + "   where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '" + OWNER_ROLE + "' loop"
                    + "   execute format('alter function %s owner to " + OWNER_ROLE + "', o.name);"
                    + " end loop; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand the embedded schema to " + OWNER_ROLE + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The password is hex, so quoting is enough; never logged. */
    private static String literal(String hexPassword) {
        if (!hexPassword.matches("[0-9a-fA-F]{16,}")) {
            throw new IllegalStateException("The file " + RUNTIME_PASSWORD_FILE + " holds no valid password");
        }
        return "'" + hexPassword + "'";
    }

    /** Where the server connects: the runtime role, to which row-level security applies. */
    public DatabaseUrl url() {
        return new DatabaseUrl(jdbcUrl(), RUNTIME_ROLE, runtimePassword);
    }

    /** Where the migrations run: the owner of the schema. */
    public DatabaseUrl migrationUrl() {
        return new DatabaseUrl(jdbcUrl(), OWNER_ROLE, null);
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
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

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
 *
 * <p>No local process is trusted (issue 15): every role, the superuser included, signs in with
 * SCRAM-SHA-256 and a password generated once from the JDK's CSPRNG and kept in
 * {@code AW_DATA_DIR/*.password}, readable by the file's owner only. A new data directory is
 * initialised that way ({@code initdb --auth=scram-sha-256}); one from an earlier version, whose
 * {@code pg_hba.conf} trusted every local connection, gets the passwords and the file rewritten at
 * its first start and the configuration reloaded.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "agentworkspace";
    static final String OWNER_ROLE = "aw_owner";
    static final String RUNTIME_ROLE = "aw_runtime";
    static final String SUPERUSER = "postgres";
    static final String RUNTIME_PASSWORD_FILE = "runtime-role.password";
    static final String OWNER_PASSWORD_FILE = "owner-role.password";
    static final String SUPERUSER_PASSWORD_FILE = "superuser.password";
    /** The first line of a {@code pg_hba.conf} this class wrote; any other file is replaced. */
    static final String HBA_MARKER = "# Written by AgentWorkspace: every connection signs in with a password.";
    static final String HBA = HBA_MARKER + "\n"
            + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
            + "local   all       all                 scram-sha-256\n"
            + "host    all       all   127.0.0.1/32  scram-sha-256\n"
            + "host    all       all   ::1/128       scram-sha-256\n";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Null when attached to a server that another process of ours runs. */
    private final EmbeddedPostgres postgres;
    private final int port;
    private final Passwords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, Passwords passwords) {
        this.postgres = postgres;
        this.port = port;
        this.passwords = passwords;
    }

    /** The three roles' secrets, read from (or first written to) their files in the data directory. */
    private record Passwords(String superuser, String owner, String runtime) {
        static Passwords of(Path dataDir) throws IOException {
            return new Passwords(secret(dataDir, SUPERUSER_PASSWORD_FILE), secret(dataDir, OWNER_PASSWORD_FILE),
                    secret(dataDir, RUNTIME_PASSWORD_FILE));
        }

        @Override
        public String toString() {
            return "Passwords[***]";
        }
    }

    /**
     * Starts the server, or attaches to it when a running {@code serve} of the same data directory
     * already owns it — so {@code agent create} works while the server runs.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
            Path hba = pgData.resolve("pg_hba.conf");
            if (!Files.exists(dataDir.resolve(SUPERUSER_PASSWORD_FILE)) && Files.exists(hba)
                    && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
                // A new password would not match the one the server holds: say so now, not after a startup timeout.
                throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " asks for the superuser's password, but "
                        + dataDir.resolve(SUPERUSER_PASSWORD_FILE) + " is missing; restore it from a backup of " + dataDir);
            }
            Passwords passwords = Passwords.of(dataDir);
            Optional<Integer> runningPort = portOfServerOwnedByAnotherProcess(pgData);
            if (runningPort.isPresent()) {
                LOG.info("Using the embedded PostgreSQL that another AgentWorkspace process runs on port {}", runningPort.get());
                EmbeddedDatabase attached = new EmbeddedDatabase(null, runningPort.get(), passwords);
                attached.prepareRolesAndDatabase();
                return attached;
            }
            stopOrphanedServer(pgData);
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
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
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library's own readiness check signs in as the superuser.
                    .setConnectConfig("password", passwords.superuser());
            if (fresh) {
                // The library runs "initdb -A trust"; these later options override it, so the server
                // never trusts anyone, not even during its first start. initdb reads the first line.
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", dataDir.resolve(SUPERUSER_PASSWORD_FILE).toString());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, postgres.getPort(), passwords);
            try {
                database.requirePasswords(pgData);
                database.prepareRolesAndDatabase();
            } catch (RuntimeException | IOException e) {
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

    /** A role's password, generated on first use from the CSPRNG and kept owner-readable only. */
    private static String secret(Path dataDir, String name) throws IOException {
        Path file = dataDir.resolve(name);
        if (Files.exists(file)) {
            return checked(name, Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String password = java.util.HexFormat.of().formatHex(bytes);
        Path temporary = Files.createTempFile(dataDir, name, ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, password, StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return checked(name, Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    /**
     * A data directory from before issue 15 trusted every local connection. Its superuser gets its
     * password over the connection that trust still allows, then {@code pg_hba.conf} is replaced
     * and reloaded, so from here on every new connection needs a password. The file is rewritten
     * whenever it is not ours, so a hand edit back to {@code trust} does not survive a restart.
     */
    private void requirePasswords(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        String current = Files.exists(hba) ? Files.readString(hba, StandardCharsets.UTF_8) : "";
        if (current.equals(HBA)) {
            return;
        }
        if (current.matches("(?s).*\\strust\\s.*")) {
            LOG.warn("Replacing {}, which trusted local connections: every connection now needs a password", hba);
        }
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password " + literal(passwords.superuser()));
            Path temporary = Files.createTempFile(pgData, "pg_hba", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, HBA, StandardCharsets.UTF_8);
                Files.move(temporary, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require passwords of the embedded PostgreSQL: " + e.getMessage()
                    + " (if " + SUPERUSER_PASSWORD_FILE + " was deleted or replaced, restore it)", e);
        }
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
            // The passwords follow the files, also when a file was replaced by hand.
            s.execute("alter role " + OWNER_ROLE + " password " + literal(passwords.owner()));
            s.execute("alter role " + RUNTIME_ROLE + " password " + literal(passwords.runtime()));
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

    private static String checked(String file, String hexPassword) {
        if (!hexPassword.matches("[0-9a-fA-F]{16,}")) {
            throw new IllegalStateException("The file " + file + " holds no valid password");
        }
        return hexPassword;
    }

    /** The password is hex (checked when read), so quoting is enough; never logged. */
    private static String literal(String hexPassword) {
        return "'" + checked("of a role", hexPassword) + "'";
    }

    /** Where the server connects: the runtime role, to which row-level security applies. */
    public DatabaseUrl url() {
        return new DatabaseUrl(jdbcUrl(), RUNTIME_ROLE, passwords.runtime());
    }

    /** Where the migrations run: the owner of the schema. */
    public DatabaseUrl migrationUrl() {
        return new DatabaseUrl(jdbcUrl(), OWNER_ROLE, passwords.owner());
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
        ds.setUser(SUPERUSER);
        ds.setPassword(passwords.superuser());
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

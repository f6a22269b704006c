package org.agentworkspace.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL the jar starts itself when it has no {@code DATABASE_URL}: data in
 * {@code AW_DATA_DIR/postgres}, its postmaster's pid and port in {@code postmaster.pid} there. The
 * jar's roles are {@code aw_owner} (migrations) and {@code aw_runtime} (serving); the bootstrap
 * superuser {@code postgres} signs in with the password the jar keeps in {@code AW_DATA_DIR/superuser.password}
 * (every role needs one: nothing is trusted on loopback), which is how the test reads past row-level security.
 */
final class EmbeddedPostgresOfJar {
    static final String RUNTIME_ROLE = "aw_runtime";
    private final Path dataDir;

    EmbeddedPostgresOfJar(Path awDataDir) {
        this.dataDir = awDataDir.resolve("postgres");
    }

    /** The superuser on the jar's application database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pidFileLine(3) + "/agentworkspace?user=postgres"
                + "&password=" + password("superuser.password"));
    }

    /** The jar's runtime role, with the password the jar generated, as the jar's own sessions connect. */
    Connection connectAsRuntimeRole() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pidFileLine(3) + "/agentworkspace?user="
                + RUNTIME_ROLE + "&password=" + password("runtime-role.password"));
    }

    /** A role's password as the jar generated it, from the file beside its data directory. */
    private String password(String file) {
        try {
            return Files.readString(dataDir.resolveSibling(file), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A power cut: {@code kill -9} of the jar, the postmaster and every process it forked (backends,
     * WAL writer, checkpointer), all signalled before any is waited for, so no process gets to write
     * out what only it held in memory. {@code afterSignals} runs at once (e.g. to stop the clients, which
     * would otherwise pile up refused connections); then it waits until all are gone.
     */
    void powerCut(AppProcess app, Runnable afterSignals) {
        long postmasterPid = Long.parseLong(pidFileLine(0));
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(app.handle());
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
            victims.add(postmaster);
            postmaster.descendants().forEach(victims::add);
        });
        if (victims.size() < 3) {
            throw new IllegalStateException("No running PostgreSQL with children under postmaster pid " + postmasterPid);
        }
        victims.forEach(ProcessHandle::destroyForcibly);
        afterSignals.run();
        for (ProcessHandle p : victims) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " survived kill -9", e);
            }
        }
    }

    /** Line {@code index} (0-based) of postmaster.pid: 0 is the pid, 3 the port. */
    private String pidFileLine(int index) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return lines.get(index).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }
}

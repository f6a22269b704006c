package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A power cut under write load: the jar and its embedded PostgreSQL (the postmaster and every process
 * it forked) are killed with {@code kill -9} at the same moment while writers create events at full
 * speed, after a random number of acknowledged creates; the jar is started again on the same data
 * directory, so PostgreSQL recovers from its WAL. Every acknowledged create must be there, byte for
 * byte, and retrying the unanswered ones with their {@code Idempotency-Key} creates no duplicates.
 *
 * <p>A second test shows that this check can fail: the same scenario on a PostgreSQL whose commits do
 * not wait for the WAL ({@code synchronous_commit=off}) must be caught losing acknowledged writes.
 */
class CrashDurabilityIT {

    @Test
    void acknowledgedEventsSurviveAPowerCutOfTheJarAndItsPostgres() throws Exception {
        Scenario scenario = Scenario.start("durable");
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < Knobs.crashRounds(); round++) {
            List<EventWriter.Write> writes = scenario.writeUntilPowerCut(round);
            Scoreboard.FAULTS_INJECTED.incrementAndGet();
            problems.addAll(AcknowledgedWrites.verify(scenario.api(), scenario.tenant.apiKey(), scenario.all));
            problems.addAll(AcknowledgedWrites.retryUnanswered(scenario.api(), scenario.tenant.apiKey(), writes));
        }
        scenario.app.stop();
        assertThat(scenario.acknowledged()).as("writes acknowledged").isPositive();
        assertThat(problems).isEmpty();
    }

    /**
     * The jar pins {@code fsync} and {@code synchronous_commit} on PostgreSQL's command line; a role
     * setting outranks the command line for the sessions of that role, so the runtime role's commits
     * are made asynchronous here (and the WAL writer slowed to its maximum delay, so the tail of the WAL
     * stays in shared memory). A power cut then loses the last acknowledged commits, and the check above
     * must see it. ({@code fsync=off} alone would not be caught by any test on a machine that keeps
     * running: the operating system still writes its page cache after the processes die.)
     */
    @Test
    void theSameCheckCatchesTheLossWhenCommitsDoNotWaitForTheWal() throws Exception {
        Scenario scenario = Scenario.start("undurable");
        try (Connection superuser = scenario.database.connect(); Statement s = superuser.createStatement()) {
            s.execute("alter role " + EmbeddedPostgresOfJar.RUNTIME_ROLE + " set synchronous_commit = off");
            s.execute("alter system set wal_writer_delay = '10s'");
        }
        scenario.app.stop();
        scenario.app = AppProcess.start("undurable-weakened", scenario.env);
        try (Connection runtime = scenario.database.connectAsRuntimeRole()) {
            assertThat(setting(runtime, "synchronous_commit")).as("the jar's sessions commit asynchronously").isEqualTo("off");
            assertThat(setting(runtime, "wal_writer_delay")).isEqualTo("10s");
        }
        List<String> lost = new ArrayList<>();
        for (int round = 0; round < 2 && lost.isEmpty(); round++) {
            scenario.writeUntilPowerCut(round);
            lost.addAll(AcknowledgedWrites.lost(scenario.api(), scenario.tenant.apiKey(), scenario.all));
        }
        scenario.app.stop();
        System.out.printf("Weakened durability: %d of %d acknowledged creates lost and detected%n", lost.size(),
                scenario.acknowledged());
        assertThat(lost).as("acknowledged writes the check finds missing after a power cut with synchronous_commit=off")
                .isNotEmpty();
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One jar on its own embedded PostgreSQL, one tenant, and every create sent so far. */
    private static final class Scenario {
        private final Random random = new Random(Knobs.seed());
        private final Map<String, String> env;
        private final EmbeddedPostgresOfJar database;
        private final Tenant tenant;
        private final List<EventWriter.Write> all = new ArrayList<>();
        private AppProcess app;

        private Scenario(Map<String, String> env, EmbeddedPostgresOfJar database, AppProcess app, Tenant tenant) {
            this.env = env;
            this.database = database;
            this.app = app;
            this.tenant = tenant;
        }

        static Scenario start(String name) throws SQLException {
            Clerk clerk = new Clerk();
            Path dir = Knobs.workDir().resolve(name + "-" + System.nanoTime());
            Map<String, String> env = new HashMap<>(clerk.environment());
            env.put("AW_DATA_DIR", dir.toString());
            env.putAll(SharedStack.rateLimitOverrides());
            AppProcess app = AppProcess.start(name, env);
            EmbeddedPostgresOfJar database = new EmbeddedPostgresOfJar(dir);
            assertServingAsRuntimeRole(database);
            return new Scenario(env, database, app, Tenant.create(new Api(app.baseUri()), clerk, name));
        }

        Api api() {
            return new Api(app.baseUri());
        }

        /** Writes until a random number of creates were acknowledged, cuts the power, starts the jar again. */
        List<EventWriter.Write> writeUntilPowerCut(int round) throws SQLException {
            EventWriter writer = EventWriter.start(api(), tenant.apiKey(), 4);
            int cutAfter = 20 + random.nextInt(200);
            Await.until(cutAfter + " creates are acknowledged", Duration.ofMinutes(3), () -> writer.acknowledged() >= cutAfter);
            database.powerCut(app, writer::halt);
            List<EventWriter.Write> writes = writer.stop();
            all.addAll(writes);
            long unanswered = writes.stream().filter(w -> w.acknowledged() == null).count();
            System.out.printf("Power cut %d: kill -9 of the jar and its PostgreSQL after %d acknowledged creates, %d unanswered%n",
                    round + 1, writes.size() - unanswered, unanswered);
            app = AppProcess.start("crash-restart", env);
            assertServingAsRuntimeRole(database);
            return writes;
        }

        long acknowledged() {
            return all.stream().filter(w -> w.acknowledged() != null).count();
        }

        private static void assertServingAsRuntimeRole(EmbeddedPostgresOfJar database) throws SQLException {
            try (Connection superuser = database.connect()) {
                ServingRole.assertServingAs(superuser, EmbeddedPostgresOfJar.RUNTIME_ROLE);
            }
        }
    }
}

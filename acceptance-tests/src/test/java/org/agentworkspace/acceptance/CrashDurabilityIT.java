package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The jar on its embedded PostgreSQL, killed with {@code kill -9} while writers create events at full
 * speed, then restarted on the same data directory (it stops the PostgreSQL the dead JVM left behind):
 * every acknowledged create is there, byte for byte, and retrying the unanswered ones with their
 * {@code Idempotency-Key} creates no duplicates.
 */
class CrashDurabilityIT {

    @Test
    void acknowledgedEventsSurviveKillMinusNine() throws Exception {
        Random random = new Random(Knobs.seed());
        Clerk clerk = new Clerk();
        Path dir = Knobs.workDir().resolve("crash-" + System.nanoTime());
        Map<String, String> env = new HashMap<>(clerk.environment());
        env.put("AW_DATA_DIR", dir.toString());
        env.putAll(SharedStack.rateLimitOverrides());

        AppProcess app = AppProcess.start("crash", env);
        Tenant tenant = Tenant.create(new Api(app.baseUri()), clerk, "durable");
        List<String> problems = new ArrayList<>();
        List<EventWriter.Write> all = new ArrayList<>();
        for (int round = 0; round < Knobs.crashRounds(); round++) {
            Api api = new Api(app.baseUri());
            EventWriter writer = EventWriter.start(api, tenant.apiKey(), 4);
            int killAfter = 20 + random.nextInt(200);
            while (writer.acknowledged() < killAfter) {
                Thread.onSpinWait();
            }
            app.kill();
            Scoreboard.FAULTS_INJECTED.incrementAndGet();
            List<EventWriter.Write> writes = writer.stop();
            all.addAll(writes);
            long unanswered = writes.stream().filter(w -> w.acknowledged() == null).count();
            System.out.printf("Crash round %d: kill -9 after %d acknowledged creates, %d unanswered%n", round + 1,
                    writes.size() - unanswered, unanswered);

            app = AppProcess.start("crash-restart", env);
            Api restarted = new Api(app.baseUri());
            problems.addAll(AcknowledgedWrites.verify(restarted, tenant.apiKey(), all));
            problems.addAll(AcknowledgedWrites.retryUnanswered(restarted, tenant.apiKey(), writes));
        }
        app.stop();
        assertThat(all.stream().filter(w -> w.acknowledged() != null).count()).as("writes acknowledged").isPositive();
        assertThat(problems).isEmpty();
    }
}

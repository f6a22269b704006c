package org.agentworkspace.acceptance;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the summary table once the whole run has finished, and keeps a copy in {@code target/acceptance/summary.md}. */
public final class SummaryListener implements TestExecutionListener {
    private long started;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        started = System.currentTimeMillis();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Scoreboard.ROUTES.isEmpty() && Scoreboard.FUZZ_CASES.get() == 0 && Scoreboard.FAULTS_INJECTED.get() == 0) {
            return;
        }
        String table = Scoreboard.table(System.currentTimeMillis() - started);
        Scoreboard.write(table);
        System.out.println();
        System.out.println("AgentWorkspace acceptance summary");
        System.out.println(table);
    }
}

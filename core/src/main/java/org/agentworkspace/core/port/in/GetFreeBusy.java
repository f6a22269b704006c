package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.FreeBusy;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface GetFreeBusy {

    /**
     * The agent's events and occurrences whose start lies in the window (both bounds required, at
     * most 366 days) merged into disjoint busy intervals, sorted; cancelled occurrences left out,
     * moved ones at their new times, all-day events busy from midnight to midnight in the agent's
     * zone, events without duration left out.
     *
     * @throws org.agentworkspace.core.domain.ValidationFailed for a missing, malformed or too long window
     */
    FreeBusy get(AgentPrincipal agent, String startAfter, String startBefore);
}

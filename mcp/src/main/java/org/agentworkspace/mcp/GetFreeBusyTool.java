package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetFreeBusy;

/** {@code get_free_busy}: {@code GET /api/v1/freebusy}. */
final class GetFreeBusyTool extends WorkspaceTool {
    private final GetFreeBusy getFreeBusy;

    GetFreeBusyTool(GetFreeBusy getFreeBusy) {
        super("get_free_busy", "Get free/busy", Effect.READS, List.of(Scope.EVENTS_READ),
                "When the agent is busy in a window of at most 366 days: its events and occurrences starting in "
                        + "the window, merged into disjoint busy intervals (UTC), sorted. Cancelled occurrences are "
                        + "left out, moved ones count at their new times, all-day events are busy from midnight to "
                        + "midnight in the agent's zone. To find time for something, find_free_slots does the "
                        + "arithmetic.",
                EventFields.window(Schema.object(), "Events starting").required("start_after", "start_before"),
                Outputs.spans("busy"));
        this.getFreeBusy = getFreeBusy;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        return ToolOutput.of(McpJson.freeBusy(getFreeBusy.get(agent, a.required("start_after"),
                a.required("start_before"))));
    }
}

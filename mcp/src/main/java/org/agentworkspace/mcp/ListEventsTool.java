package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.ListEvents;

/** {@code list_events}: {@code GET /api/v1/events}. */
final class ListEventsTool extends WorkspaceTool {
    private final ListEvents listEvents;

    ListEventsTool(ListEvents listEvents) {
        super("list_events", "List events", Effect.READS, List.of(Scope.EVENTS_READ),
                "The agent's events ordered by start, optionally within a window of start times "
                        + "(start_after inclusive, start_before exclusive). A recurring series is listed once, by "
                        + "its first start, unless expand=true, which lists each occurrence in the window with its "
                        + "own start and end, recurringEventId and originalStart (both bounds required then; at "
                        + "most 10,000 occurrences). Page with limit/offset.",
                EventFields.window(Schema.object(), "Only events starting")
                        .bool("expand", "true lists the occurrences of recurring series in the window instead of "
                                + "the series; needs start_after and start_before.")
                        .integer("limit", EventFields.LIMIT, 1, 500)
                        .integer("offset", EventFields.OFFSET, 0, Integer.MAX_VALUE),
                Outputs.list("events", Outputs.event()));
        this.listEvents = listEvents;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        EventQuery query = new EventQuery(a.string("start_after").orElse(null), a.string("start_before").orElse(null),
                a.integerText("limit"), a.integerText("offset"), a.bool("expand").map(String::valueOf).orElse(null));
        return ToolOutput.of(McpJson.envelope("events", McpJson.list(listEvents.list(agent, query), McpJson::event)));
    }
}

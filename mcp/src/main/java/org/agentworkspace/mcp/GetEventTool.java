package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetEvent;

/** {@code get_event}: {@code GET /api/v1/events/{id}}. */
final class GetEventTool extends WorkspaceTool {
    private final GetEvent getEvent;

    GetEventTool(GetEvent getEvent) {
        super("get_event", "Get an event", Effect.READS, List.of(Scope.EVENTS_READ),
                "One event by id, with its etag (pass it as if_match to update_event or delete_event, or to the "
                        + "occurrence tools of a series). A series lists cancelledOccurrences and "
                        + "modifiedOccurrences. An unknown id is \"not found\".",
                Schema.object().string("id", "The event's id (a UUID from list_events or create_event).")
                        .required("id"),
                Outputs.tagged("event", Outputs.event()));
        this.getEvent = getEvent;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        return ToolOutput.of(McpJson.taggedEvent(getEvent.get(agent, a.required("id"))));
    }
}

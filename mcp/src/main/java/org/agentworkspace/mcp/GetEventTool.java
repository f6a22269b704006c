package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetEvent;

/** {@code get_event}: {@code GET /api/v1/events/{id}}. */
final class GetEventTool implements WorkspaceTool {
    private final GetEvent getEvent;

    GetEventTool(GetEvent getEvent) {
        this.getEvent = getEvent;
    }

    @Override
    public String name() {
        return "get_event";
    }

    @Override
    public String title() {
        return "Get an event";
    }

    @Override
    public String description() {
        return "One event by id, with its etag (pass it as if_match to update_event or delete_event). "
                + "An unknown id is \"not found\".";
    }

    @Override
    public ObjectNode inputSchema() {
        return Schema.object().string("id", "The event's id (a UUID from list_events or create_event).")
                .required("id").build();
    }

    @Override
    public String scope() {
        return "events:read";
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput call(AgentPrincipal agent, Arguments a) {
        Event event = getEvent.get(agent, a.required("id"));
        return ToolOutput.of(McpJson.tagged("event", McpJson.event(event), event.version()));
    }
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.UpdateEvent;

/** {@code update_event}: {@code PATCH /api/v1/events/{id}}, a partial update. */
final class UpdateEventTool implements WorkspaceTool {
    private final UpdateEvent updateEvent;
    private final Writes writes;

    UpdateEventTool(UpdateEvent updateEvent, Writes writes) {
        this.updateEvent = updateEvent;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "update_event";
    }

    @Override
    public String title() {
        return "Update an event";
    }

    @Override
    public String description() {
        return "Changes only the fields you send (null clears an optional field) and returns the event with its "
                + "new etag. Send if_match with the etag you last saw so you never overwrite someone else's "
                + "change, and an idempotency_key when you may retry.";
    }

    @Override
    public ObjectNode inputSchema() {
        Schema schema = Schema.object().string("id", "The event's id.");
        return Writes.controls(EventFields.addTo(schema, true), true).required("id").build();
    }

    @Override
    public String scope() {
        return "events:write";
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolOutput call(AgentPrincipal agent, Arguments a) {
        return writes.perform(agent, this, a, () -> {
            Event event = updateEvent.update(agent, a.required("id"), EventFields.input(a), Writes.expectedVersion(a));
            return McpJson.tagged("event", McpJson.event(event), event.version());
        });
    }
}

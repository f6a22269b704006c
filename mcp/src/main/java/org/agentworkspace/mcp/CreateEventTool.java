package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CreateEvent;

/** {@code create_event}: {@code POST /api/v1/events}. */
final class CreateEventTool implements WorkspaceTool {
    private final CreateEvent createEvent;
    private final Writes writes;

    CreateEventTool(CreateEvent createEvent, Writes writes) {
        this.createEvent = createEvent;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "create_event";
    }

    @Override
    public String title() {
        return "Create an event";
    }

    @Override
    public String description() {
        return "Adds an event (or, with rrule, a recurring series) to the agent's calendar and returns it with "
                + "its id and etag. Times are ISO 8601 with an offset; write them in the agent's zone (whoami) "
                + "unless told otherwise. Send an idempotency_key so a retry cannot create it twice.";
    }

    @Override
    public ObjectNode inputSchema() {
        return Writes.controls(EventFields.addTo(Schema.object(), false), false)
                .required("title", "start", "end").build();
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
            Event event = createEvent.create(agent, EventFields.input(a));
            return McpJson.tagged("event", McpJson.event(event), event.version());
        });
    }
}

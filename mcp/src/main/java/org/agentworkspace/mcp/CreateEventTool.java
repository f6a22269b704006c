package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CreateEvent;

/** {@code create_event}: {@code POST /api/v1/events}. */
final class CreateEventTool extends WriteTool {
    private final CreateEvent createEvent;

    CreateEventTool(CreateEvent createEvent, Writes writes) {
        super("create_event", "Create an event", Effect.WRITES, Scope.EVENTS_WRITE,
                "Adds an event (or, with rrule, a recurring series) to the agent's calendar and returns it with "
                        + "its id and etag. Times are ISO 8601 with an offset; write them in the agent's zone "
                        + "(whoami) unless told otherwise. Send an idempotency_key so a retry cannot create it twice.",
                EventFields.addTo(Schema.object(), false).required("title", "start", "end"), false,
                Outputs.tagged("event", Outputs.event()), writes);
        this.createEvent = createEvent;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        return McpJson.taggedEvent(createEvent.create(agent, EventFields.input(a)));
    }
}

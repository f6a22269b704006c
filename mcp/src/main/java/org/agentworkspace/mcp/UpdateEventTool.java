package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.UpdateEvent;

/** {@code update_event}: {@code PATCH /api/v1/events/{id}}, a partial update. */
final class UpdateEventTool extends WriteTool {
    private final UpdateEvent updateEvent;

    UpdateEventTool(UpdateEvent updateEvent, Writes writes) {
        super("update_event", "Update an event", Effect.WRITES, Scope.EVENTS_WRITE,
                "Changes only the fields you send (null clears an optional field) and returns the event with its "
                        + "new etag; for a series, every occurrence (use update_occurrence for one or for \"this "
                        + "and following\"); changing start, rrule, timezone or allDay of a series discards its "
                        + "per-occurrence changes. Send if_match with the etag you last saw so you never overwrite "
                        + "someone else's change, and an idempotency_key when you may retry.",
                EventFields.addTo(Schema.object().string("id", "The event's id."), true).required("id"), true,
                Outputs.tagged("event", Outputs.event()), writes);
        this.updateEvent = updateEvent;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        return McpJson.taggedEvent(updateEvent.update(agent, a.required("id"), EventFields.input(a),
                Writes.expectedVersion(a)));
    }
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.DeleteEvent;

/** {@code delete_event}: {@code DELETE /api/v1/events/{id}}. */
final class DeleteEventTool extends WriteTool {
    private final DeleteEvent deleteEvent;

    DeleteEventTool(DeleteEvent deleteEvent, Writes writes) {
        super("delete_event", "Delete an event", Effect.DELETES, Scope.EVENTS_WRITE,
                "Deletes an event; for a recurring series, the whole series with all its occurrences (use "
                        + "cancel_occurrence for one or for \"this and following\"). Answers {\"deleted\": true}.",
                Schema.object().string("id", "The event's id.").required("id"), true, Outputs.deleted(), writes);
        this.deleteEvent = deleteEvent;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        deleteEvent.delete(agent, a.required("id"), Writes.expectedVersion(a));
        return McpJson.deleted();
    }
}

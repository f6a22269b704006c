package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.DeleteEvent;

/** {@code delete_event}: {@code DELETE /api/v1/events/{id}}. */
final class DeleteEventTool implements WorkspaceTool {
    private final DeleteEvent deleteEvent;
    private final Writes writes;

    DeleteEventTool(DeleteEvent deleteEvent, Writes writes) {
        this.deleteEvent = deleteEvent;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "delete_event";
    }

    @Override
    public String title() {
        return "Delete an event";
    }

    @Override
    public String description() {
        return "Deletes an event; for a recurring series, the whole series with all its occurrences. "
                + "Answers {\"deleted\": true}.";
    }

    @Override
    public ObjectNode inputSchema() {
        Schema schema = Schema.object().string("id", "The event's id.");
        return Writes.controls(schema, true).required("id").build();
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
    public boolean destructive() {
        return true;
    }

    @Override
    public ToolOutput call(AgentPrincipal agent, Arguments a) {
        return writes.perform(agent, this, a, () -> {
            deleteEvent.delete(agent, a.required("id"), Writes.expectedVersion(a));
            return McpJson.deleted();
        });
    }
}

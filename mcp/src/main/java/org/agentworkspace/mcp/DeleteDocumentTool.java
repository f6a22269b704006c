package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.DeleteDocument;

/** {@code delete_document}: {@code DELETE /api/v1/docs/{id}}. */
final class DeleteDocumentTool implements WorkspaceTool {
    private final DeleteDocument deleteDocument;
    private final Writes writes;

    DeleteDocumentTool(DeleteDocument deleteDocument, Writes writes) {
        this.deleteDocument = deleteDocument;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "delete_document";
    }

    @Override
    public String title() {
        return "Delete a document";
    }

    @Override
    public String description() {
        return "Deletes a document for good. Answers {\"deleted\": true}.";
    }

    @Override
    public ObjectNode inputSchema() {
        return Writes.controls(Schema.object().string("id", "The document's id."), true)
                .required("id").build();
    }

    @Override
    public String scope() {
        return "docs:write";
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
            deleteDocument.delete(agent, a.required("id"), Writes.expectedVersion(a));
            return McpJson.deleted();
        });
    }
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.DeleteDocument;

/** {@code delete_document}: {@code DELETE /api/v1/docs/{id}}. */
final class DeleteDocumentTool extends WriteTool {
    private final DeleteDocument deleteDocument;

    DeleteDocumentTool(DeleteDocument deleteDocument, Writes writes) {
        super("delete_document", "Delete a document", Effect.DELETES, Scope.DOCS_WRITE,
                "Deletes a document for good. Answers {\"deleted\": true}.",
                Schema.object().string("id", "The document's id.").required("id"), true, Outputs.deleted(), writes);
        this.deleteDocument = deleteDocument;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        deleteDocument.delete(agent, a.required("id"), Writes.expectedVersion(a));
        return McpJson.deleted();
    }
}

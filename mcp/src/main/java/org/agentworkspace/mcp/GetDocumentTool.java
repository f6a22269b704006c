package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetDocument;

/** {@code get_document}: {@code GET /api/v1/docs/{id}}. */
final class GetDocumentTool extends WorkspaceTool {
    private final GetDocument getDocument;

    GetDocumentTool(GetDocument getDocument) {
        super("get_document", "Get a document", Effect.READS, List.of(Scope.DOCS_READ),
                "One document by id, with its content and etag (pass the etag as if_match to update_document "
                        + "or delete_document).",
                Schema.object().string("id", "The document's id (a UUID from list_documents or create_document).")
                        .required("id"),
                Outputs.tagged("document", Outputs.document()));
        this.getDocument = getDocument;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        return ToolOutput.of(McpJson.taggedDocument(getDocument.get(agent, a.required("id"))));
    }
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetDocument;

/** {@code get_document}: {@code GET /api/v1/docs/{id}}. */
final class GetDocumentTool implements WorkspaceTool {
    private final GetDocument getDocument;

    GetDocumentTool(GetDocument getDocument) {
        this.getDocument = getDocument;
    }

    @Override
    public String name() {
        return "get_document";
    }

    @Override
    public String title() {
        return "Get a document";
    }

    @Override
    public String description() {
        return "One document by id, with its content and etag (pass the etag as if_match to update_document "
                + "or delete_document).";
    }

    @Override
    public ObjectNode inputSchema() {
        return Schema.object().string("id", "The document's id (a UUID from list_documents or create_document).")
                .required("id").build();
    }

    @Override
    public String scope() {
        return "docs:read";
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutput call(AgentPrincipal agent, Arguments a) {
        Document document = getDocument.get(agent, a.required("id"));
        return ToolOutput.of(McpJson.tagged("document", McpJson.document(document, true), document.version()));
    }
}

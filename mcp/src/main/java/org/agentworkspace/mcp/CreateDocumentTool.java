package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.DocumentInput;

/** {@code create_document}: {@code POST /api/v1/docs}. */
final class CreateDocumentTool implements WorkspaceTool {
    private final CreateDocument createDocument;
    private final Writes writes;

    CreateDocumentTool(CreateDocument createDocument, Writes writes) {
        this.createDocument = createDocument;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "create_document";
    }

    @Override
    public String title() {
        return "Create a document";
    }

    @Override
    public String description() {
        return "Saves a new document (markdown by default; sheet or slide) and returns it with its id and etag. "
                + "Send an idempotency_key so a retry cannot create it twice.";
    }

    @Override
    public ObjectNode inputSchema() {
        Schema schema = Schema.object().string("title", DocumentFields.TITLE)
                .string("type", "markdown (default), sheet or slide; fixed once created.")
                .string("content", DocumentFields.CONTENT);
        return Writes.controls(schema, false).required("title").build();
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
    public ToolOutput call(AgentPrincipal agent, Arguments a) {
        DocumentInput input = new DocumentInput(a.stringField("title"), a.stringField("type"), a.stringField("content"));
        return writes.perform(agent, this, a, () -> {
            Document document = createDocument.create(agent, input);
            return McpJson.tagged("document", McpJson.document(document, true), document.version());
        });
    }

}

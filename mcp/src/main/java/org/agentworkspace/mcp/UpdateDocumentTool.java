package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.DocumentInput;
import org.agentworkspace.core.port.in.UpdateDocument;

/** {@code update_document}: {@code PATCH /api/v1/docs/{id}} (title and content). */
final class UpdateDocumentTool implements WorkspaceTool {
    private final UpdateDocument updateDocument;
    private final Writes writes;

    UpdateDocumentTool(UpdateDocument updateDocument, Writes writes) {
        this.updateDocument = updateDocument;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "update_document";
    }

    @Override
    public String title() {
        return "Update a document";
    }

    @Override
    public String description() {
        return "Replaces the title and/or the content you send (the type is fixed) and returns the document with "
                + "its new etag. Send if_match with the etag you last saw so you never overwrite a newer "
                + "version, and an idempotency_key when you may retry.";
    }

    @Override
    public ObjectNode inputSchema() {
        Schema schema = Schema.object().string("id", "The document's id.")
                .string("title", DocumentFields.TITLE)
                .string("content", DocumentFields.CONTENT + " Replaces the whole content.");
        return Writes.controls(schema, true).required("id").build();
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
        DocumentInput input = new DocumentInput(a.stringField("title"), Field.absent(), a.stringField("content"));
        return writes.perform(agent, this, a, () -> {
            Document document = updateDocument.update(agent, a.required("id"), input, Writes.expectedVersion(a));
            return McpJson.tagged("document", McpJson.document(document, true), document.version());
        });
    }
}

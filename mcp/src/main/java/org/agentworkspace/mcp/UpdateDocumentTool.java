package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.DocumentInput;
import org.agentworkspace.core.port.in.UpdateDocument;

/** {@code update_document}: {@code PATCH /api/v1/docs/{id}} (title and content). */
final class UpdateDocumentTool extends WriteTool {
    private final UpdateDocument updateDocument;

    UpdateDocumentTool(UpdateDocument updateDocument, Writes writes) {
        super("update_document", "Update a document", Effect.WRITES, Scope.DOCS_WRITE,
                "Replaces the title and/or the content you send (the type is fixed) and returns the document with "
                        + "its new etag. Send if_match with the etag you last saw so you never overwrite a newer "
                        + "version, and an idempotency_key when you may retry.",
                Schema.object().string("id", "The document's id.")
                        .string("title", DocumentFields.TITLE)
                        .string("content", DocumentFields.CONTENT + " Replaces the whole content.")
                        .required("id"), true,
                Outputs.tagged("document", Outputs.document()), writes);
        this.updateDocument = updateDocument;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        DocumentInput input = new DocumentInput(a.stringField("title"), Field.absent(), a.stringField("content"));
        return McpJson.taggedDocument(updateDocument.update(agent, a.required("id"), input, Writes.expectedVersion(a)));
    }
}

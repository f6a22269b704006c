package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.DocumentInput;

/** {@code create_document}: {@code POST /api/v1/docs}. */
final class CreateDocumentTool extends WriteTool {
    private final CreateDocument createDocument;

    CreateDocumentTool(CreateDocument createDocument, Writes writes) {
        super("create_document", "Create a document", Effect.WRITES, Scope.DOCS_WRITE,
                "Saves a new document (markdown by default; sheet or slide) and returns it with its id and etag. "
                        + "Send an idempotency_key so a retry cannot create it twice.",
                Schema.object().string("title", DocumentFields.TITLE)
                        .string("type", "markdown (default), sheet or slide; fixed once created.")
                        .string("content", DocumentFields.CONTENT)
                        .required("title"), false,
                Outputs.tagged("document", Outputs.document()), writes);
        this.createDocument = createDocument;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        DocumentInput input = new DocumentInput(a.stringField("title"), a.stringField("type"), a.stringField("content"));
        return McpJson.taggedDocument(createDocument.create(agent, input));
    }
}

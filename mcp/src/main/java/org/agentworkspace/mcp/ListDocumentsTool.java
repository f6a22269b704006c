package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.ListDocuments;

/** {@code list_documents}: {@code GET /api/v1/docs}. */
final class ListDocumentsTool extends WorkspaceTool {
    private final ListDocuments listDocuments;

    ListDocumentsTool(ListDocuments listDocuments) {
        super("list_documents", "List documents", Effect.READS, List.of(Scope.DOCS_READ),
                "The agent's documents (markdown notes, sheets, slides), newest first. Pass content=false to "
                        + "get titles and ids only, then get_document for the ones you need.",
                Schema.object().bool("content", "false leaves each document's content out; default true."),
                Outputs.list("documents", Outputs.document()));
        this.listDocuments = listDocuments;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        boolean withContent = a.bool("content").orElse(true);
        return ToolOutput.of(McpJson.envelope("documents",
                McpJson.list(listDocuments.list(agent, withContent), d -> McpJson.document(d, withContent))));
    }
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.ListDocuments;

/** {@code list_documents}: {@code GET /api/v1/docs}. */
final class ListDocumentsTool implements WorkspaceTool {
    private final ListDocuments listDocuments;

    ListDocumentsTool(ListDocuments listDocuments) {
        this.listDocuments = listDocuments;
    }

    @Override
    public String name() {
        return "list_documents";
    }

    @Override
    public String title() {
        return "List documents";
    }

    @Override
    public String description() {
        return "The agent's documents (markdown notes, sheets, slides), newest first. Pass content=false to "
                + "get titles and ids only, then get_document for the ones you need.";
    }

    @Override
    public ObjectNode inputSchema() {
        return Schema.object().bool("content", "false leaves each document's content out; default true.").build();
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
        boolean withContent = a.bool("content").orElse(true);
        return ToolOutput.of(McpJson.envelope("documents",
                McpJson.list(listDocuments.list(agent, withContent), d -> McpJson.document(d, withContent))));
    }
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * One MCP tool: its name, what a model reads about it, the JSON Schema of its arguments, and a
 * thin call of one core use case. A tool has no behaviour of its own (API.md: "no behaviour exists
 * in one and not the other"); failures are core's exceptions, which {@link ToolCalls} turns into
 * results with {@code isError}.
 */
interface WorkspaceTool {

    String name();

    /** A short human title (clients show it in their tool lists). */
    String title();

    /** What the tool does and how to call it well: formats, limits, examples. */
    String description();

    ObjectNode inputSchema();

    /** The key scope the tool needs (API.md, "Keys and scopes"); {@link KeyScopes} decides on it. */
    String scope();

    /** Whether the tool only reads: clients may run read-only tools without asking. */
    boolean readOnly();

    /** Whether the tool removes data (clients ask before destructive tools). */
    default boolean destructive() {
        return false;
    }

    /**
     * @throws org.agentworkspace.core.domain.WorkspaceException as the use case throws it
     * @throws io.modelcontextprotocol.spec.McpError for a malformed call
     */
    ToolOutput call(AgentPrincipal agent, Arguments arguments);
}

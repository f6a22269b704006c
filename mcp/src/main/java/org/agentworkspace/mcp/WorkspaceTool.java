package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * One MCP tool: its name, what a model reads about it, the JSON Schemas of its arguments and of its
 * result, and a thin call of one core use case. A tool has no behaviour of its own (API.md: "no
 * behaviour exists in one and not the other"); failures are core's exceptions, which
 * {@link ToolCalls} turns into results with {@code isError}.
 */
abstract class WorkspaceTool {
    /** What a call does to the agent's data, for the annotations clients decide on asking first by. */
    enum Effect {
        /** Only reads: clients may run it without asking. */
        READS,
        /** Adds or changes data. */
        WRITES,
        /** Removes data: clients ask before. */
        DELETES
    }

    private final String name;
    private final String title;
    private final Effect effect;
    private final List<Scope> scopes;
    private final String description;
    private final ObjectNode inputSchema;
    private final ObjectNode outputSchema;

    /**
     * @param title a short human title (clients show it in their tool lists)
     * @param scopes the key scopes of API.md, "Keys and scopes", any one of which allows the tool;
     *     empty for tools any key may use ({@link KeyScopes} decides on them)
     * @param description what the tool does and how to call it well: formats, limits, examples
     * @param output the shape of a successful result's {@code structuredContent}: REST's JSON
     */
    WorkspaceTool(String name, String title, Effect effect, List<Scope> scopes, String description, Schema input,
                  Schema output) {
        this.name = Objects.requireNonNull(name, "name");
        this.title = Objects.requireNonNull(title, "title");
        this.effect = Objects.requireNonNull(effect, "effect");
        this.scopes = List.copyOf(scopes);
        this.description = Objects.requireNonNull(description, "description");
        this.inputSchema = input.build();
        this.outputSchema = output.build();
    }

    final String name() {
        return name;
    }

    final String title() {
        return title;
    }

    final String description() {
        return description;
    }

    final List<Scope> scopes() {
        return scopes;
    }

    final boolean readOnly() {
        return effect == Effect.READS;
    }

    final boolean destructive() {
        return effect == Effect.DELETES;
    }

    final ObjectNode inputSchema() {
        return inputSchema.deepCopy();
    }

    final ObjectNode outputSchema() {
        return outputSchema.deepCopy();
    }

    /**
     * @throws org.agentworkspace.core.domain.WorkspaceException as the use case throws it
     * @throws io.modelcontextprotocol.spec.McpError for a malformed call
     */
    abstract ToolOutput call(AgentPrincipal agent, Arguments arguments);
}

package org.agentworkspace.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.domain.WorkspaceException;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WorkspaceTool} as the SDK's tool: the calling agent comes from the transport context the
 * endpoint filled, the arguments are checked against the schema, the result is REST's JSON as
 * {@code structuredContent} and as text, and core's failures are results with {@code isError}.
 */
final class ToolCalls {
    /** The transport context's entry holding the {@link AgentPrincipal} the authentication filter proved. */
    static final String AGENT = "agentworkspace.agent";
    private static final Logger LOG = LoggerFactory.getLogger(ToolCalls.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ToolCalls() {
    }

    static SyncToolSpecification specification(WorkspaceTool tool) {
        ObjectNode schema = tool.inputSchema();
        McpSchema.Tool definition = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(McpJson.MAPPER.convertValue(schema, MAP))
                .outputSchema(McpJson.MAPPER.convertValue(tool.outputSchema(), MAP))
                .annotations(new McpSchema.ToolAnnotations(tool.title(), tool.readOnly(), tool.destructive(), null,
                        false, null))
                .build();
        return new SyncToolSpecification(definition, (context, request) -> call(tool, schema, context, request));
    }

    static AgentPrincipal agent(McpTransportContext context) {
        if (context != null && context.get(AGENT) instanceof AgentPrincipal agent) {
            return agent;
        }
        // The endpoint never runs a tool without a principal; failing closed keeps it so.
        throw new Unauthenticated();
    }

    private static McpSchema.CallToolResult call(WorkspaceTool tool, ObjectNode schema, McpTransportContext context,
                                                 McpSchema.CallToolRequest request) {
        AgentPrincipal agent = agent(context);
        try {
            // A tool the key may not use is refused as such, whatever its arguments.
            KeyScopes.require(agent, tool.scopes());
            ToolOutput output = tool.call(agent, Arguments.check(tool.name(), schema, request.arguments()));
            return result(output.body(), false, output.replayed());
        } catch (WorkspaceException failure) {
            if (failure instanceof Unavailable) {
                LOG.warn("Service unavailable in tool {}: {}", tool.name(), failure.getMessage(), failure.getCause());
            }
            return result(ToolErrors.body(failure), true, false);
        } catch (McpError malformed) {
            throw malformed;
        } catch (RuntimeException bug) {
            // As REST's 500: logged whole, answered without detail (no stack trace or SQL text leaves).
            LOG.error("Tool {} failed", tool.name(), bug);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("Internal error").build();
        }
    }

    private static McpSchema.CallToolResult result(ObjectNode body, boolean isError, boolean replayed) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(McpJson.text(body))))
                .structuredContent(McpJson.MAPPER.convertValue(body, MAP))
                .isError(isError);
        if (replayed) {
            result.meta(Map.of("idempotencyReplayed", true));
        }
        return result.build();
    }
}

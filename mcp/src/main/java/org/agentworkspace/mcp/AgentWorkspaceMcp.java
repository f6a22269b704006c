package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.agentworkspace.core.port.in.ListChanges;
import org.agentworkspace.core.usecase.UseCases;

/**
 * The MCP server as one JAX-RS resource to register beside the REST resources, so that {@code /mcp}
 * passes the same filters (authentication, rate limits, body limit, request ids, error mapping).
 */
public final class AgentWorkspaceMcp {
    /** {@code serverInfo.name} (API.md). */
    public static final String SERVER_NAME = "agentworkspace";

    private AgentWorkspaceMcp() {
    }

    /**
     * @param useCases core's use cases; the tools call the same ones as REST
     * @param listChanges the change feed's use case (core's {@code SyncUseCases}), as REST's changes route calls it
     * @param callers the web layer's lookup of the agent its authentication filter proved
     * @return the {@code /mcp} resource, a finished instance for {@code ResourceConfig.register}
     */
    public static Object endpoint(UseCases useCases, ListChanges listChanges, AgentOfRequest callers) {
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        McpEndpoint endpoint = new McpEndpoint(callers, json);
        List<WorkspaceTool> tools = WorkspaceTools.all(useCases, listChanges);
        Map<String, WorkspaceTool> byName = tools.stream()
                .collect(Collectors.toMap(WorkspaceTool::name, t -> t));
        List<SyncToolSpecification> specifications = tools.stream().map(ToolCalls::specification).toList();
        McpServer.sync(endpoint)
                .serverInfo(SERVER_NAME, version())
                .instructions(Instructions.TEXT)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                // Tools run on the request's own thread: the use cases block on JDBC anyway.
                .immediateExecution(true)
                // Arguments are checked against the schema by Arguments, which answers -32602 (API.md).
                .validateToolInputs(false)
                .addToolFilter((context, tool) ->
                        KeyScopes.allows(ToolCalls.agent(context), byName.get(tool.name()).scopes()))
                .tools(specifications)
                .build();
        return endpoint;
    }

    private static String version() {
        String version = AgentWorkspaceMcp.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}

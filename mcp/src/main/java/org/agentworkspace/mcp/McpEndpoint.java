package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.agentworkspace.core.ownership.AgentPrincipal;
import reactor.core.publisher.Mono;

/**
 * {@code POST /mcp}: the Streamable HTTP transport in its stateless form (API.md, MCP server). Each POST
 * carries one JSON-RPC message; a request is answered with one JSON-RPC response as
 * {@code application/json}, a notification (or a response) with 202 and no body. No session exists,
 * so there is no {@code GET} stream: Jersey answers {@code GET /mcp} with 405.
 *
 * <p>This is the SDK's {@link McpStatelessServerTransport}: the SDK's stateless server hands it its
 * handler, and the endpoint calls that handler with the caller's principal in the transport context.
 * Authentication, rate limits and body limits ran before, in the web layer's filters.
 */
@Path("mcp")
public final class McpEndpoint implements McpStatelessServerTransport {
    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    /** The revisions with Streamable HTTP and structured tool output: 2025-06-18 or later (API.md). */
    static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    private final AgentOfRequest callers;
    private final McpJsonMapper json;
    private volatile McpStatelessServerHandler handler;

    McpEndpoint(AgentOfRequest callers, McpJsonMapper json) {
        this.callers = callers;
        this.json = json;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public List<String> protocolVersions() {
        return PROTOCOL_VERSIONS;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@Context SecurityContext security, @HeaderParam(PROTOCOL_VERSION_HEADER) String protocolVersion,
                         String body) throws IOException {
        AgentPrincipal agent = callers.agentOf(security);
        if (protocolVersion != null && !PROTOCOL_VERSIONS.contains(protocolVersion.trim())) {
            return error(McpSchema.ErrorCodes.INVALID_REQUEST, "Unsupported " + PROTOCOL_VERSION_HEADER
                    + " " + protocolVersion + "; supported: " + String.join(", ", PROTOCOL_VERSIONS));
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IOException e) {
            return error(McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: the body is not one JSON object");
        } catch (IllegalArgumentException e) {
            return error(McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid request: send one JSON-RPC 2.0 request or notification per POST");
        }
        McpTransportContext context = McpTransportContext.create(Map.of(ToolCalls.AGENT, agent));
        if (message instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response = handler.handleRequest(context, request)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .block();
            return Response.ok(json.writeValueAsString(response), JSON).build();
        }
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            handler.handleNotification(context, notification)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .block();
        }
        // A response would answer a request of ours, and a stateless server sends none: accepted, ignored.
        return Response.accepted().build();
    }

    /**
     * A JSON-RPC error for a message that could not be read, so has no usable id: {@code "id": null}
     * (JSON-RPC 2.0, section 5), written here because the SDK's response type refuses a null id.
     */
    private static Response error(int code, String message) {
        ObjectNode body = McpJson.object();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.putNull("id");
        body.putObject("error").put("code", code).put("message", message);
        return Response.status(400).type(JSON).entity(McpJson.text(body)).build();
    }
}

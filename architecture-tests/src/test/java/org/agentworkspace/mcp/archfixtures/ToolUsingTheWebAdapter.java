package org.agentworkspace.mcp.archfixtures;

import jakarta.ws.rs.archfixture.StubResponse;
import org.agentworkspace.http.archfixtures.ResourceUsingAResponse;

/**
 * Breaks "adapters never depend on each other" (an MCP class reaching into the HTTP adapter) and
 * keeps the JAX-RS rule (the MCP module may speak JAX-RS: its endpoint is a resource).
 */
public class ToolUsingTheWebAdapter {
    public int borrow(ResourceUsingAResponse resource, StubResponse response) {
        return resource.status(response);
    }
}

package org.agentworkspace.mcp;

import jakarta.ws.rs.core.SecurityContext;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * The agent the web layer's authentication filter proved for a request. {@code /mcp} sits behind the
 * same filter as {@code /api/v1} (same key, rate limits and failure accounting); the app passes the
 * web adapter's lookup in, so this module needs no other adapter.
 */
@FunctionalInterface
public interface AgentOfRequest {

    /** @throws org.agentworkspace.core.domain.Unauthenticated when the request was not authenticated as an agent */
    AgentPrincipal agentOf(SecurityContext security);
}

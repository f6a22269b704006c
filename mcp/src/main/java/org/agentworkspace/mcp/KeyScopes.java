package org.agentworkspace.mcp;

import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * Which tools the calling key may see in {@code tools/list} (API.md: "tools/list shows only the tools
 * the key's scopes allow"). Until key scopes land in core every key holds every scope, so every tool
 * is listed; then {@link #allows} asks the principal for the key's scopes, and nothing else changes.
 * Calls stay refused by core either way: the scope check that counts runs in the use case.
 */
final class KeyScopes {
    private KeyScopes() {
    }

    /** @param scope a scope name of API.md, e.g. {@code events:read}; {@code null} for tools any key may use */
    static boolean allows(AgentPrincipal agent, String scope) {
        return true;
    }
}

package org.agentworkspace.mcp;

import java.util.Optional;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * Which tools the calling key may see in {@code tools/list} and call (API.md: "tools/list shows only
 * the tools the key's scopes allow"), by the scope each tool declares. The check here keeps the list
 * honest and refuses early; the check that counts still runs in core's use case behind every tool.
 */
final class KeyScopes {
    private KeyScopes() {
    }

    /** @param scope a scope name of API.md, e.g. {@code events:read}; {@code null} for tools any key may use */
    static boolean allows(AgentPrincipal agent, String scope) {
        return needed(scope).map(agent::holds).orElse(true);
    }

    /**
     * The core scope a tool needs: empty for tools any key may use.
     *
     * @throws IllegalStateException for a scope name API.md does not define (a tool's bug)
     */
    static Optional<Scope> needed(String scope) {
        if (scope == null) {
            return Optional.empty();
        }
        return Optional.of(Scope.fromWire(scope)
                .orElseThrow(() -> new IllegalStateException("unknown scope " + scope)));
    }

    /** @throws ScopeMissing when the calling key lacks the tool's scope, as REST's 403 names it */
    static void require(AgentPrincipal agent, String scope) {
        Optional<Scope> needed = needed(scope);
        if (needed.isPresent() && !agent.holds(needed.get())) {
            throw new ScopeMissing(needed.get());
        }
    }
}

package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * Which tools the calling key may see in {@code tools/list} and call (API.md: "tools/list shows only
 * the tools the key's scopes allow"), by the scopes each tool declares: any one of them allows it, none
 * declared means any key. The check here keeps the list honest and refuses early; the check that counts
 * still runs in core's use case behind every tool.
 */
final class KeyScopes {
    private KeyScopes() {
    }

    static boolean allows(AgentPrincipal agent, List<Scope> anyOf) {
        return anyOf.isEmpty() || anyOf.stream().anyMatch(agent::holds);
    }

    /**
     * Refuses as core's {@code Ownership} does, in its order: a suspended agent first, whatever the tool.
     *
     * @throws AgentSuspended when the agent is suspended
     * @throws ScopeMissing naming the first of {@code anyOf} when the key holds none, as REST's 403 does
     */
    static void require(AgentPrincipal agent, List<Scope> anyOf) {
        if (agent.status() == AgentStatus.SUSPENDED) {
            throw new AgentSuspended();
        }
        if (!allows(agent, anyOf)) {
            throw new ScopeMissing(anyOf.get(0));
        }
    }
}

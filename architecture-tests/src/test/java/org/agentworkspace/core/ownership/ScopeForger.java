package org.agentworkspace.core.ownership;

import org.agentworkspace.core.domain.AgentId;

/**
 * Breaks "only Ownership constructs principals and scopes": a class that slipped into the
 * ownership package and mints a scope without running the chain.
 */
public class ScopeForger {
    public AgentScope forge(AgentId victim) {
        return new AgentScope(victim, Access.WRITE, "nobody", java.util.Set.of(), null, null);
    }
}

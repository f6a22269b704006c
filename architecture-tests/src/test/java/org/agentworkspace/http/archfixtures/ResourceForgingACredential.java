package org.agentworkspace.http.archfixtures;

import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.ownership.AgentCredential;

/** Breaks "only credential lookups build credentials": a credential for an agent id read from a URL. */
public class ResourceForgingACredential {
    public AgentCredential forge(AgentId victim) {
        return new AgentCredential(victim, AgentStatus.ACTIVE);
    }
}

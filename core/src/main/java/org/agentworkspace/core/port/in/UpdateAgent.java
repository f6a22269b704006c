package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface UpdateAgent {

    /** Name, description, timezone and status; only fields present change. */
    Agent update(UserPrincipal user, String agentId, AgentInput input);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface GetAgent {

    /** @throws org.agentworkspace.core.domain.NotFound when absent, malformed or another user's */
    Agent get(UserPrincipal user, String agentId);
}

package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface ListAgents {

    /** The user's agents, oldest first. */
    List<Agent> list(UserPrincipal user);
}

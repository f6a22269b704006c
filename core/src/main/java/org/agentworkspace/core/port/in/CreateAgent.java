package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.UserPrincipal;

public interface CreateAgent {

    /** Creates agent, calendar, first key and first subscription in one transaction. */
    NewAgent create(UserPrincipal user, AgentInput input);
}

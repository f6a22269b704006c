package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface GetEvent {

    /** @throws org.agentworkspace.core.domain.NotFound when absent, malformed or another agent's */
    Event get(AgentPrincipal agent, String eventId);
}

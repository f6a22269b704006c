package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface CreateEvent {

    /** @throws org.agentworkspace.core.domain.ValidationFailed with every issue of the input */
    Event create(AgentPrincipal agent, EventInput input);
}

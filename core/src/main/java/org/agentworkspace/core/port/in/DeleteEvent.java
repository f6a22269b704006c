package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface DeleteEvent {

    void delete(AgentPrincipal agent, String eventId, OptionalLong expectedVersion);
}

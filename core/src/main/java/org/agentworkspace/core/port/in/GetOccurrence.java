package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface GetOccurrence {

    /**
     * The occurrence named by {@code originalStart}, with its override applied.
     *
     * @throws org.agentworkspace.core.domain.NotFound when the series is absent or another agent's,
     *     the rule places no occurrence there, or that occurrence is cancelled
     */
    Event get(AgentPrincipal agent, String eventId, String originalStart);
}

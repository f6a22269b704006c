package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface CancelOccurrence {

    /**
     * Cancels one occurrence ("this occurrence"); the series' version moves.
     *
     * @throws org.agentworkspace.core.domain.NotFound as {@link GetOccurrence#get}
     * @throws org.agentworkspace.core.domain.PreconditionFailed when the series' version does not match
     */
    void cancel(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion);
}

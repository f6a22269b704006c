package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface EndSeries {

    /**
     * Deletes "this and following": the series ends before the named occurrence (its rule gets an
     * {@code UNTIL}, its exceptions from there on are discarded); from its first occurrence on,
     * the series is deleted.
     *
     * @throws org.agentworkspace.core.domain.NotFound as {@link GetOccurrence#get}
     * @throws org.agentworkspace.core.domain.PreconditionFailed when the series' version does not match
     */
    void endBefore(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion);
}

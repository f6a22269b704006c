package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface OverrideOccurrence {

    /**
     * Changes one occurrence only ("this occurrence"): the sent fields are merged into its
     * override, the result is validated as an event, and the series' version moves.
     *
     * @param expectedVersion the series' version from {@code If-Match}; empty when none was sent
     * @return the occurrence as it now is (its version is the series' new version)
     * @throws org.agentworkspace.core.domain.NotFound as {@link GetOccurrence#get}
     * @throws org.agentworkspace.core.domain.PreconditionFailed when the series' version does not match
     */
    Event override(AgentPrincipal agent, String eventId, String originalStart, OccurrenceInput input,
                   OptionalLong expectedVersion);
}

package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface SplitSeries {

    /**
     * "This and following": the series ends before the named occurrence (its rule gets an
     * {@code UNTIL}; its exceptions from there on are discarded) and a new series with the old
     * one's fields plus {@code changes} starts at that occurrence. When the named occurrence is
     * the first, the old series is replaced as a whole (it would have no occurrence left).
     *
     * @return the new series
     * @throws org.agentworkspace.core.domain.NotFound as {@link GetOccurrence#get}
     * @throws org.agentworkspace.core.domain.PreconditionFailed when the old series' version does not match
     */
    Event split(AgentPrincipal agent, String eventId, String originalStart, EventInput changes,
                OptionalLong expectedVersion);
}

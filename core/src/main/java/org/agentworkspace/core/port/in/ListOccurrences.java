package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface ListOccurrences {

    /**
     * The occurrences of one series whose (effective) start lies in the window, ordered by start,
     * with exceptions merged; both bounds required, {@code limit}/{@code offset} count occurrences,
     * more than 10,000 in the window is a validation failure ({@code expand} is ignored).
     *
     * @throws org.agentworkspace.core.domain.NotFound when the event is absent, another agent's or not a series
     */
    List<Event> list(AgentPrincipal agent, String eventId, EventQuery query);
}

package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/**
 * Events of one agent, ordered by start then id. With {@code expand=true} (both bounds required)
 * recurring series become their occurrences in the window, each an {@link Event} with the series
 * id and its own start and end; more than 10,000 occurrences is a validation failure.
 */
public interface ListEvents {

    List<Event> list(AgentPrincipal agent, EventQuery query);

    /** The owner's read-only view; another user's or an unknown agent is {@code NotFound}. */
    List<Event> listForOwner(UserPrincipal user, String agentId, EventQuery query);
}

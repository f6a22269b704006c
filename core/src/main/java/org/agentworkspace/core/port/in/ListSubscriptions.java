package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/** The live feed subscriptions of one agent, oldest first. */
public interface ListSubscriptions {

    /** The agent's read-only view of its own feeds (allowed even when read-only). */
    List<Subscription> list(AgentPrincipal agent);

    List<Subscription> listForOwner(UserPrincipal user, String agentId);
}

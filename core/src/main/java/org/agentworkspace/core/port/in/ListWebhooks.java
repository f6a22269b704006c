package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/** The agent's webhook endpoints, oldest first, without their secrets. */
public interface ListWebhooks {

    List<Webhook> list(AgentPrincipal agent);

    List<Webhook> listForOwner(UserPrincipal user, String agentId);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/** Removes an endpoint; nothing more is sent to it, its queued messages go with it. */
public interface DeleteWebhook {

    /** @throws org.agentworkspace.core.domain.NotFound for an unknown or someone else's endpoint */
    void delete(AgentPrincipal agent, String webhookId);

    void deleteForOwner(UserPrincipal user, String agentId, String webhookId);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/** Registers an endpoint that receives the agent's changes (at most 10 per agent). */
public interface CreateWebhook {

    /** @throws org.agentworkspace.core.domain.ValidationFailed for a bad or refused URL, unknown types, an 11th endpoint */
    CreatedWebhook create(AgentPrincipal agent, WebhookInput input);

    CreatedWebhook createForOwner(UserPrincipal user, String agentId, WebhookInput input);
}

package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.WebhookDelivery;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

/** An endpoint's recent messages and how their attempts went, newest first. */
public interface ListWebhookDeliveries {

    /** @throws org.agentworkspace.core.domain.NotFound for an unknown or someone else's endpoint */
    List<WebhookDelivery> list(AgentPrincipal agent, String webhookId);

    List<WebhookDelivery> listForOwner(UserPrincipal user, String agentId, String webhookId);
}

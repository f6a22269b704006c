package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.WebhookDelivery;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListWebhookDeliveries;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.WebhookRepository;

final class ListWebhookDeliveriesService implements ListWebhookDeliveries {
    /** "Recent attempts": the delivery log keeps 30 days, the listing shows the latest of them. */
    private static final int RECENT = 50;

    private final Ownership ownership;
    private final OwnedAgents owned;
    private final Transactions transactions;
    private final WebhookRepository webhooks;

    ListWebhookDeliveriesService(Ownership ownership, OwnedAgents owned, Transactions transactions,
                                 WebhookRepository webhooks) {
        this.ownership = ownership;
        this.owned = owned;
        this.transactions = transactions;
        this.webhooks = webhooks;
    }

    @Override
    public List<WebhookDelivery> list(AgentPrincipal agent, String webhookId) {
        AgentScope scope = ownership.scopeToRead(agent, Scope.WEBHOOKS_MANAGE);
        WebhookId id = WebhookId.parse(webhookId).orElseThrow(() -> new NotFound("Webhook"));
        return transactions.inTransaction(scope, () -> deliveries(scope, id));
    }

    @Override
    public List<WebhookDelivery> listForOwner(UserPrincipal user, String agentId, String webhookId) {
        WebhookId id = WebhookId.parse(webhookId).orElseThrow(() -> new NotFound("Webhook"));
        return owned.act(user, agentId, Access.READ, (agent, scope) -> deliveries(scope, id));
    }

    private List<WebhookDelivery> deliveries(AgentScope scope, WebhookId id) {
        webhooks.find(scope, id).orElseThrow(() -> new NotFound("Webhook"));
        return webhooks.deliveries(scope, id, RECENT);
    }
}

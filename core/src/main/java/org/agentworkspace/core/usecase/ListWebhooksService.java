package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListWebhooks;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.WebhookRepository;

final class ListWebhooksService implements ListWebhooks {
    private final Ownership ownership;
    private final OwnedAgents owned;
    private final Transactions transactions;
    private final WebhookRepository webhooks;

    ListWebhooksService(Ownership ownership, OwnedAgents owned, Transactions transactions, WebhookRepository webhooks) {
        this.ownership = ownership;
        this.owned = owned;
        this.transactions = transactions;
        this.webhooks = webhooks;
    }

    @Override
    public List<Webhook> list(AgentPrincipal agent) {
        AgentScope scope = ownership.scopeToRead(agent, Scope.WEBHOOKS_MANAGE);
        return transactions.inTransaction(scope, () -> webhooks.list(scope));
    }

    @Override
    public List<Webhook> listForOwner(UserPrincipal user, String agentId) {
        return owned.act(user, agentId, Access.READ, (agent, scope) -> webhooks.list(scope));
    }
}

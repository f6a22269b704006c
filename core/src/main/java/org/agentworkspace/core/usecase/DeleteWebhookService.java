package org.agentworkspace.core.usecase;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.DeleteWebhook;
import org.agentworkspace.core.port.out.AuditRepository;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.WebhookRepository;

final class DeleteWebhookService implements DeleteWebhook {
    private final Ownership ownership;
    private final OwnedAgents owned;
    private final Transactions transactions;
    private final WebhookRepository webhooks;
    private final AuditRepository audit;
    private final Clock clock;

    DeleteWebhookService(Ownership ownership, OwnedAgents owned, Transactions transactions, WebhookRepository webhooks,
                         AuditRepository audit, Clock clock) {
        this.ownership = ownership;
        this.owned = owned;
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void delete(AgentPrincipal agent, String webhookId) {
        AgentScope scope = ownership.scopeFor(agent, Scope.WEBHOOKS_MANAGE);
        WebhookId id = WebhookId.parse(webhookId).orElseThrow(() -> new NotFound("Webhook"));
        transactions.inTransaction(scope, () -> remove(scope, id));
    }

    @Override
    public void deleteForOwner(UserPrincipal user, String agentId, String webhookId) {
        WebhookId id = WebhookId.parse(webhookId).orElseThrow(() -> new NotFound("Webhook"));
        owned.act(user, agentId, Access.WRITE, (agent, scope) -> remove(scope, id));
    }

    private Void remove(AgentScope scope, WebhookId id) {
        if (!webhooks.delete(scope, id)) {
            throw new NotFound("Webhook");
        }
        audit.append(scope, new AuditEntry(AuditEntryId.random(), scope.agentId(), AuditAction.WEBHOOK_REMOVED,
                scope.actor(), "webhook " + id, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return null;
    }
}

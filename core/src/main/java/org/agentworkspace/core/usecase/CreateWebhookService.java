package org.agentworkspace.core.usecase;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.domain.Issues;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookEventType;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.domain.WebhookRules;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.CreateWebhook;
import org.agentworkspace.core.port.in.CreatedWebhook;
import org.agentworkspace.core.port.in.WebhookInput;
import org.agentworkspace.core.port.out.AuditRepository;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.WebhookRepository;
import org.agentworkspace.core.port.out.WebhookTargets;

final class CreateWebhookService implements CreateWebhook {
    private final Ownership ownership;
    private final OwnedAgents owned;
    private final Transactions transactions;
    private final WebhookRepository webhooks;
    private final AuditRepository audit;
    private final WebhookTargets targets;
    private final Clock clock;
    private final SecureRandom random;

    CreateWebhookService(Ownership ownership, OwnedAgents owned, Transactions transactions, WebhookRepository webhooks,
                         AuditRepository audit, WebhookTargets targets, Clock clock, SecureRandom random) {
        this.ownership = ownership;
        this.owned = owned;
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.audit = audit;
        this.targets = targets;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CreatedWebhook create(AgentPrincipal agent, WebhookInput input) {
        AgentScope scope = ownership.scopeFor(agent, Scope.WEBHOOKS_MANAGE);
        Valid valid = validate(input);
        return transactions.inTransaction(scope, () -> store(scope, valid));
    }

    @Override
    public CreatedWebhook createForOwner(UserPrincipal user, String agentId, WebhookInput input) {
        // Someone else's agent is "not found" before anything is said about the body, as on every
        // owner route; resolving the URL then happens between the two short transactions.
        owned.act(user, agentId, Access.WRITE, (agent, scope) -> null);
        Valid valid = validate(input);
        return owned.act(user, agentId, Access.WRITE, (agent, scope) -> store(scope, valid));
    }

    private record Valid(URI url, Set<WebhookEventType> events) {
    }

    /** Before any transaction: resolving the host may take a while and must not hold a connection. */
    private Valid validate(WebhookInput input) {
        Issues issues = new Issues();
        URI url = WebhookRules.url(input.url(), targets.allowsPrivate(), issues);
        Set<WebhookEventType> events = WebhookRules.events(input.events(), issues);
        if (url != null) {
            targets.refusal(url).ifPresent(reason -> issues.add("url", reason));
        }
        issues.throwIfAny();
        return new Valid(url, events);
    }

    private CreatedWebhook store(AgentScope scope, Valid valid) {
        if (webhooks.list(scope).size() >= WebhookRules.MAX_ENDPOINTS_PER_AGENT) {
            throw ValidationFailed.of("url", "an agent has at most " + WebhookRules.MAX_ENDPOINTS_PER_AGENT
                    + " webhooks; remove one first");
        }
        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Webhook webhook = new Webhook(WebhookId.random(), scope.agentId(), valid.url(), valid.events(), now, null);
        WebhookSecret secret = WebhookSecret.generate(random);
        webhooks.insert(scope, webhook, secret);
        audit.append(scope, new AuditEntry(AuditEntryId.random(), scope.agentId(), AuditAction.WEBHOOK_CREATED,
                scope.actor(), "webhook " + webhook.id() + " to " + valid.url().getHost(), now));
        return new CreatedWebhook(webhook, secret);
    }
}

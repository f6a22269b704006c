package org.agentworkspace.core.usecase;

import java.util.Objects;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.AuditRepository;
import org.agentworkspace.core.port.out.ChangeLogPurge;
import org.agentworkspace.core.port.out.ChangeRepository;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.WebhookBodies;
import org.agentworkspace.core.port.out.WebhookOutbox;
import org.agentworkspace.core.port.out.WebhookRepository;
import org.agentworkspace.core.port.out.WebhookTargets;
import org.agentworkspace.core.port.out.WebhookTransport;

/** The outbound ports of the change log and the webhooks, as the embedding application built them. */
public record SyncPorts(Transactions transactions, AgentRepository agents, AuditRepository audit,
                        ChangeRepository changes, ChangeLogPurge changeLogPurge, WebhookRepository webhooks,
                        WebhookOutbox outbox, WebhookTargets targets, WebhookTransport transport,
                        WebhookBodies bodies) {
    public SyncPorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(changeLogPurge, "changeLogPurge");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(bodies, "bodies");
    }
}

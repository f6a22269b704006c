package org.agentworkspace.core.usecase;

import java.util.Objects;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.ApiKeyRepository;
import org.agentworkspace.core.port.out.AuditRepository;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.FeedRenderer;
import org.agentworkspace.core.port.out.IdempotencyRepository;
import org.agentworkspace.core.port.out.ProcessedWebhooks;
import org.agentworkspace.core.port.out.RecurrenceExpander;
import org.agentworkspace.core.port.out.SessionVerifier;
import org.agentworkspace.core.port.out.SubscriptionRepository;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.UserRepository;

/** Every outbound port the use cases need, as the embedding application built them. */
public record Ports(Transactions transactions, CredentialLookup credentials, UserRepository users,
                    AgentRepository agents, EventRepository events, DocumentRepository documents,
                    SubscriptionRepository subscriptions, ApiKeyRepository apiKeys, AuditRepository audit,
                    IdempotencyRepository idempotency, ProcessedWebhooks processedWebhooks,
                    RecurrenceExpander recurrence, FeedRenderer feedRenderer, SessionVerifier sessions) {
    public Ports {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(processedWebhooks, "processedWebhooks");
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(feedRenderer, "feedRenderer");
        Objects.requireNonNull(sessions, "sessions");
    }
}

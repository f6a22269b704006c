package org.agentworkspace.core.fakes;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.agentworkspace.core.usecase.Ports;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.UseCases;

/** Every out-port as an in-memory fake over one {@link InMemoryDatabase}, and the use cases built on them. */
public final class InMemoryWorkspace {
    public final InMemoryDatabase db = new InMemoryDatabase();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T08:00:00Z"));
    public final InMemoryTransactions transactions = new InMemoryTransactions(db);
    public final InMemoryCredentialLookup credentials = new InMemoryCredentialLookup(db);
    public final InMemoryUserRepository users = new InMemoryUserRepository(db);
    public final InMemoryAgentRepository agents = new InMemoryAgentRepository(db);
    public final InMemoryEventRepository events = new InMemoryEventRepository(db);
    public final InMemoryDocumentRepository documents = new InMemoryDocumentRepository(db);
    public final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository(db);
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(db);
    public final InMemoryAuditRepository audit = new InMemoryAuditRepository(db);
    public final InMemoryIdempotencyRepository idempotency = new InMemoryIdempotencyRepository(db);
    public final InMemoryProcessedWebhooks processedWebhooks = new InMemoryProcessedWebhooks(db);
    public final SimpleRecurrenceExpander recurrence = new SimpleRecurrenceExpander();
    public final TextFeedRenderer feedRenderer = new TextFeedRenderer();
    public final FakeSessionVerifier sessions = new FakeSessionVerifier();
    public final Settings settings =
            new Settings(clock, new SecureRandom(), Duration.ofMinutes(15), Duration.ofHours(24));
    public final UseCases useCases = UseCases.create(ports(), settings);

    public Ports ports() {
        return new Ports(transactions, credentials, users, agents, events, documents, subscriptions, apiKeys, audit,
                idempotency, processedWebhooks, recurrence, feedRenderer, sessions);
    }
}

package org.agentworkspace.persistence;

import java.util.Objects;
import javax.sql.DataSource;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.ApiKeyRepository;
import org.agentworkspace.core.port.out.AuditRepository;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.IdempotencyRepository;
import org.agentworkspace.core.port.out.ProcessedWebhooks;
import org.agentworkspace.core.port.out.SubscriptionRepository;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.UserRepository;

/**
 * Every PostgreSQL adapter over one data source, sharing one {@link Transactions}. The entry
 * point for the app and for JVM services that embed {@code core} + {@code persistence-jooq}.
 */
public final class JooqPersistence {
    private final JooqTransactions transactions;

    private JooqPersistence(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    /** The schema must be migrated ({@link FlywayMigrations#migrate}) before the first use. */
    public static JooqPersistence create(DataSource dataSource) {
        return new JooqPersistence(new JooqTransactions(Objects.requireNonNull(dataSource, "dataSource")));
    }

    /** The periodic purge's access: expired idempotency records and old webhook ids. */
    public JooqExpiredRecords expiredRecords() {
        return new JooqExpiredRecords(transactions);
    }

    public Transactions transactions() {
        return transactions;
    }

    public CredentialLookup credentials() {
        return new JooqCredentialLookup(transactions);
    }

    public UserRepository users() {
        return new JooqUserRepository(transactions);
    }

    public AgentRepository agents() {
        return new JooqAgentRepository(transactions);
    }

    public EventRepository events() {
        return new JooqEventRepository(transactions);
    }

    public DocumentRepository documents() {
        return new JooqDocumentRepository(transactions);
    }

    public SubscriptionRepository subscriptions() {
        return new JooqSubscriptionRepository(transactions);
    }

    public ApiKeyRepository apiKeys() {
        return new JooqApiKeyRepository(transactions);
    }

    public AuditRepository audit() {
        return new JooqAuditRepository(transactions);
    }

    public IdempotencyRepository idempotency() {
        return new JooqIdempotencyRepository(transactions);
    }

    public ProcessedWebhooks processedWebhooks() {
        return new JooqProcessedWebhooks(transactions);
    }
}

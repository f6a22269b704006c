package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.WEBHOOK_ENDPOINTS;
import static org.agentworkspace.persistence.generated.Tables.WEBHOOK_MESSAGES;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookDelivery;
import org.agentworkspace.core.domain.WebhookEventType;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.WebhookRepository;
import org.agentworkspace.persistence.generated.tables.records.WebhookEndpointsRecord;
import org.jooq.Condition;

/** Webhook endpoints of the scope's agent and their messages; every statement carries {@code agent_id = <scope>}. */
public final class JooqWebhookRepository implements WebhookRepository {
    private final JooqTransactions tx;

    public JooqWebhookRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    private static Condition inScope(AgentScope scope) {
        return WEBHOOK_ENDPOINTS.AGENT_ID.eq(scope.agentId().value());
    }

    @Override
    public void insert(AgentScope scope, Webhook webhook, WebhookSecret secret) {
        tx.dsl().insertInto(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.ID, webhook.id().value())
                .set(WEBHOOK_ENDPOINTS.AGENT_ID, scope.agentId().value())
                .set(WEBHOOK_ENDPOINTS.URL, webhook.url().toString())
                .set(WEBHOOK_ENDPOINTS.EVENT_TYPES, webhook.events().stream().sorted()
                        .map(WebhookEventType::wireName).toArray(String[]::new))
                .set(WEBHOOK_ENDPOINTS.SECRET, secret.reveal())
                .set(WEBHOOK_ENDPOINTS.CREATED_AT, webhook.createdAt())
                .execute();
    }

    @Override
    public List<Webhook> list(AgentScope scope) {
        return tx.dsl().selectFrom(WEBHOOK_ENDPOINTS).where(inScope(scope))
                .orderBy(WEBHOOK_ENDPOINTS.CREATED_AT, WEBHOOK_ENDPOINTS.ID)
                .fetch(JooqWebhookRepository::webhook);
    }

    @Override
    public Optional<Webhook> find(AgentScope scope, WebhookId id) {
        return tx.dsl().selectFrom(WEBHOOK_ENDPOINTS).where(inScope(scope)).and(WEBHOOK_ENDPOINTS.ID.eq(id.value()))
                .fetchOptional(JooqWebhookRepository::webhook);
    }

    @Override
    public boolean delete(AgentScope scope, WebhookId id) {
        return tx.dsl().deleteFrom(WEBHOOK_ENDPOINTS).where(inScope(scope))
                .and(WEBHOOK_ENDPOINTS.ID.eq(id.value())).execute() == 1;
    }

    @Override
    public List<WebhookDelivery> deliveries(AgentScope scope, WebhookId id, int limit) {
        return tx.dsl().selectFrom(WEBHOOK_MESSAGES)
                .where(WEBHOOK_MESSAGES.AGENT_ID.eq(scope.agentId().value()))
                .and(WEBHOOK_MESSAGES.ENDPOINT_ID.eq(id.value()))
                .orderBy(WEBHOOK_MESSAGES.CREATED_AT.desc(), WEBHOOK_MESSAGES.ID.desc())
                .limit(limit)
                .fetch(r -> new WebhookDelivery(r.getId(), WebhookEventType.fromWire(r.getType()).orElseThrow(),
                        r.getStatus(), r.getAttempts(), r.getLastStatusCode(), r.getNextAttemptAt(),
                        r.getCreatedAt()));
    }

    private static Webhook webhook(WebhookEndpointsRecord r) {
        Set<WebhookEventType> events = Arrays.stream(r.getEventTypes())
                .map(name -> WebhookEventType.fromWire(name).orElseThrow())
                .collect(Collectors.toSet());
        return new Webhook(new WebhookId(r.getId()), new org.agentworkspace.core.domain.AgentId(r.getAgentId()),
                URI.create(r.getUrl()), events, r.getCreatedAt(), r.getDisabledAt());
    }
}

package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.SUBSCRIPTIONS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.SubscriptionRepository;
import org.agentworkspace.persistence.generated.tables.records.SubscriptionsRecord;
import org.jooq.Condition;

/** Live subscriptions of the scope's agent; every statement carries {@code agent_id = <scope>}. */
public final class JooqSubscriptionRepository implements SubscriptionRepository {
    private final JooqTransactions tx;

    public JooqSubscriptionRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    private static Condition inScope(AgentScope scope) {
        return SUBSCRIPTIONS.AGENT_ID.eq(scope.agentId().value());
    }

    @Override
    public void insert(AgentScope scope, Subscription s) {
        tx.dsl().insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.ID, s.id().value())
                .set(SUBSCRIPTIONS.AGENT_ID, scope.agentId().value())
                .set(SUBSCRIPTIONS.TOKEN, s.token().reveal())
                .set(SUBSCRIPTIONS.LABEL, s.label())
                .set(SUBSCRIPTIONS.EMAIL, s.email())
                .set(SUBSCRIPTIONS.DETAIL, s.detail().wireName())
                .set(SUBSCRIPTIONS.CREATED_AT, s.createdAt())
                .set(SUBSCRIPTIONS.LAST_FETCHED_AT, s.lastFetchedAt())
                .set(SUBSCRIPTIONS.LAST_FETCHED_BY, s.lastFetchedBy())
                .execute();
    }

    @Override
    public List<Subscription> list(AgentScope scope) {
        return tx.dsl().selectFrom(SUBSCRIPTIONS).where(inScope(scope))
                .orderBy(SUBSCRIPTIONS.CREATED_AT, SUBSCRIPTIONS.ID)
                .fetch(JooqSubscriptionRepository::toSubscription);
    }

    @Override
    public Optional<Subscription> find(AgentScope scope, SubscriptionId id) {
        return tx.dsl().selectFrom(SUBSCRIPTIONS).where(inScope(scope)).and(SUBSCRIPTIONS.ID.eq(id.value()))
                .fetchOptional(JooqSubscriptionRepository::toSubscription);
    }

    @Override
    public Optional<Subscription> replaceToken(AgentScope scope, SubscriptionId id, FeedToken token) {
        return tx.dsl().update(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.TOKEN, token.reveal())
                .where(inScope(scope)).and(SUBSCRIPTIONS.ID.eq(id.value()))
                .returning()
                .fetchOptional()
                .map(JooqSubscriptionRepository::toSubscription);
    }

    @Override
    public boolean delete(AgentScope scope, SubscriptionId id) {
        return tx.dsl().deleteFrom(SUBSCRIPTIONS).where(inScope(scope)).and(SUBSCRIPTIONS.ID.eq(id.value()))
                .execute() == 1;
    }

    @Override
    public void recordFetch(AgentScope scope, SubscriptionId id, Instant at, String userAgent, Instant notBefore) {
        tx.dsl().update(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.LAST_FETCHED_AT, at)
                .set(SUBSCRIPTIONS.LAST_FETCHED_BY, userAgent)
                .where(inScope(scope)).and(SUBSCRIPTIONS.ID.eq(id.value()))
                .and(SUBSCRIPTIONS.LAST_FETCHED_AT.isNull()
                        .or(SUBSCRIPTIONS.LAST_FETCHED_AT.lt(notBefore))
                        .or(SUBSCRIPTIONS.LAST_FETCHED_BY.isDistinctFrom(userAgent)))
                .execute();
    }

    static Subscription toSubscription(SubscriptionsRecord r) {
        return new Subscription(new SubscriptionId(r.getId()), new AgentId(r.getAgentId()),
                FeedToken.parse(r.getToken()).orElseThrow(), r.getLabel(), r.getEmail(),
                FeedDetail.fromWire(r.getDetail()).orElseThrow(), r.getCreatedAt(), r.getLastFetchedAt(),
                r.getLastFetchedBy());
    }
}

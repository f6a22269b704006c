package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookEventType;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.domain.WebhookMessage;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook outbox of V16 as the runtime role: a message per write and endpoint in the write's
 * own transaction, claimed by exactly one of several instances per attempt, leased so a dead
 * sender's message comes back with the same id, and an endpoint disabled after five days of failures.
 */
class WebhookOutboxTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final Ownership ownership = new Ownership();
    private final RuntimeRoleFixture fixture = new RuntimeRoleFixture(ownership, T0);
    private final TestDatabases.Database database = fixture.database;
    private final JooqPersistence p = fixture.p;
    private AgentScope a;
    private AgentScope b;
    private Webhook hookOfA;

    @BeforeEach
    void setUp() {
        UserId user = fixture.user("user_1");
        a = newAgent(user);
        b = newAgent(user);
        hookOfA = webhook(a, EnumSet.allOf(WebhookEventType.class));
    }

    @Test
    void aCommittedWriteQueuesOneMessageWithTheRowAsWrittenAndARolledBackOneNone() {
        try {
            p.transactions().inTransaction(a, () -> {
                p.events().insert(a, event(a, "rolled back"));
                throw new IllegalStateException("abort");
            });
        } catch (IllegalStateException expected) {
            // the write and its message went together
        }
        Event kept = insert(a, "kept");

        List<WebhookMessage> claimed = claim(p, Instant.now());
        assertThat(claimed).hasSize(1);
        WebhookMessage message = claimed.get(0);
        assertThat(message.type()).isEqualTo(WebhookEventType.EVENT_CREATED);
        assertThat(message.event()).contains(kept);
        assertThat(message.endpointId()).isEqualTo(hookOfA.id());
        assertThat(message.attempt()).isEqualTo(1);
    }

    @Test
    void aLeasedMessageIsSkippedByOtherInstancesAndComesBackWithTheSameIdWhenTheLeaseRunsOut() {
        insert(a, "once");
        JooqPersistence second = JooqPersistence.create(database.runtimeDataSource());
        Instant now = Instant.now();
        WebhookMessage first = claim(p, now).get(0);

        assertThat(claim(second, now)).isEmpty();
        assertThat(claim(second, now.plus(LEASE).minusSeconds(1))).isEmpty();
        List<WebhookMessage> again = claim(second, now.plus(LEASE).plusSeconds(1));
        assertThat(again).extracting(WebhookMessage::id).containsExactly(first.id());
        assertThat(again.get(0).attempt()).isEqualTo(2);
    }

    @Test
    void twoInstancesClaimingAtOnceNeverShareAMessage() throws Exception {
        for (int i = 0; i < 60; i++) {
            insert(a, "e" + i);
        }
        JooqPersistence second = JooqPersistence.create(database.runtimeDataSource());
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<UUID>>> claims = new ArrayList<>();
        for (JooqPersistence instance : List.of(p, second, p, second)) {
            Callable<List<UUID>> claimer = () -> {
                List<UUID> ids = new ArrayList<>();
                List<WebhookMessage> batch;
                do {
                    batch = instance.transactions().inSingleStatement(
                            () -> instance.webhookOutbox().claim(now, LEASE, 7));
                    batch.forEach(m -> ids.add(m.id()));
                } while (!batch.isEmpty());
                return ids;
            };
            claims.add(pool.submit(claimer));
        }
        List<UUID> all = new ArrayList<>();
        for (Future<List<UUID>> f : claims) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledWithAnAuditEntryAndGetsNothingMore() throws SQLException {
        insert(a, "doomed");
        Instant start = Instant.now();
        WebhookMessage message = claim(p, start).get(0);
        Duration fiveDays = Duration.ofDays(5);
        assertThat(record(message, start, 500, start.plusSeconds(5), fiveDays)).isFalse();
        WebhookMessage retry = claim(p, start.plusSeconds(6)).get(0);
        assertThat(record(retry, start.plus(fiveDays).plusSeconds(1), 500, start.plus(fiveDays).plusSeconds(600),
                fiveDays)).isTrue();

        assertThat(p.transactions().inTransaction(a, () -> p.webhooks().find(a, hookOfA.id())))
                .hasValueSatisfying(w -> assertThat(w.disabledAt()).isNotNull());
        assertThat(p.transactions().inTransaction(a, () -> p.audit().list(a, 10, 0)))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.WEBHOOK_DISABLED));
        assertThat(p.transactions().inTransaction(a, () -> p.webhooks().deliveries(a, hookOfA.id(), 10)))
                .allSatisfy(d -> assertThat(d.status()).isEqualTo("failed"));
        insert(a, "after the disabling");
        assertThat(p.transactions().inTransaction(a, () -> p.webhooks().deliveries(a, hookOfA.id(), 10))).hasSize(1);
    }

    @Test
    void aSuccessEndsTheMessageAndClearsTheFailureStreak() {
        insert(a, "fine");
        Instant now = Instant.now();
        WebhookMessage message = claim(p, now).get(0);
        assertThat(record(message, now, 204, null, Duration.ofDays(5))).isFalse();
        assertThat(claim(p, now.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(p.transactions().inTransaction(a, () -> p.webhooks().deliveries(a, hookOfA.id(), 10)))
                .singleElement().satisfies(d -> {
                    assertThat(d.status()).isEqualTo("succeeded");
                    assertThat(d.lastStatusCode()).isEqualTo(204);
                    assertThat(d.nextAttemptAt()).isNull();
                });
    }

    @Test
    void onlyTheEndpointsTypesAreQueuedAndAnotherAgentSeesNoneOfIt() throws SQLException {
        Webhook docsOnly = webhook(b, EnumSet.of(WebhookEventType.DOCUMENT_CREATED));
        insert(b, "an event, which docsOnly does not want");
        assertThat(p.transactions().inTransaction(b, () -> p.webhooks().deliveries(b, docsOnly.id(), 10))).isEmpty();

        insert(a, "for a");
        assertThat(p.transactions().inTransaction(b, () -> p.webhooks().list(b))).extracting(Webhook::id)
                .containsExactly(docsOnly.id());
        assertThat(p.transactions().inTransaction(b, () -> p.webhooks().deliveries(b, hookOfA.id(), 10))).isEmpty();
        try (Connection c = database.runtimeDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from webhook_messages")) {
            r.next();
            assertThat(r.getLong(1)).as("no scope, no rows").isZero();
        }
    }

    private List<WebhookMessage> claim(JooqPersistence instance, Instant now) {
        return instance.transactions().inSingleStatement(() -> instance.webhookOutbox().claim(now, LEASE, 20));
    }

    private boolean record(WebhookMessage message, Instant at, int status, Instant next, Duration disableAfter) {
        boolean succeeded = status >= 200 && status < 300;
        return p.transactions().inSingleStatement(
                () -> p.webhookOutbox().record(message.id(), at, status, succeeded, next, disableAfter));
    }

    private Webhook webhook(AgentScope scope, Set<WebhookEventType> types) {
        Webhook w = new Webhook(WebhookId.random(), scope.agentId(), URI.create("https://hooks.example.com/in"), types,
                T0, null);
        p.transactions().inTransaction(scope, () -> {
            p.webhooks().insert(scope, w, WebhookSecret.generate(new SecureRandom()));
            return null;
        });
        return w;
    }

    private AgentScope newAgent(UserId userId) {
        Agent agent = fixture.agentOf(userId);
        return ownership.scopeFor(ownership.agentPrincipal(new AgentCredential(agent.id(), AgentStatus.ACTIVE), T0),
                Scope.EVENTS_WRITE);
    }

    private static Event event(AgentScope scope, String title) {
        return new Event(EventId.random(), scope.agentId(), new EventData(title, T0, T0.plus(1, ChronoUnit.HOURS),
                false, "desc", null, null, ZoneId.of("Europe/Berlin"), "#112233"), 1, T0, T0);
    }

    private Event insert(AgentScope scope, String title) {
        return fixture.insert(scope, event(scope, title));
    }
}

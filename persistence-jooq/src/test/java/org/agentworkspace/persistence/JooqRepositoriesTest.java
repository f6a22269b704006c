package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.out.CalendarFingerprint;
import org.agentworkspace.core.port.out.EventWindow;
import org.agentworkspace.core.port.out.IdempotencyRecord;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every adapter method against real PostgreSQL. Two agents of ONE user throughout: isolation
 * must hold between siblings, not just between strangers.
 */
class JooqRepositoriesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final Ownership ownership = new Ownership();
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    private DataSource db;
    private JooqPersistence p;
    private OwnerScope owner;
    private Agent agentA;
    private Agent agentB;
    private AgentScope a;
    private AgentScope b;

    @BeforeEach
    void setUp() {
        TestDatabases.Database database = RuntimeRoleDatabases.fresh();
        // Raw inspections look at whole tables, past row-level security: the superuser.
        db = database.dataSource();
        // The adapters run as the runtime role, as in production: row-level security applies.
        p = JooqPersistence.create(database.runtimeDataSource());
        UserId userId = new UserId("user_1");
        p.transactions().inTransaction(() -> p.users().upsert(UserProfile.idOnly(userId), T0));
        owner = ownership.scopeFor(ownership.userPrincipal(userId));
        agentA = newAgent(userId, "A");
        agentB = newAgent(userId, "B");
        a = scopeOf(agentA);
        b = scopeOf(agentB);
    }

    private Agent newAgent(UserId userId, String name) {
        Agent agent = new Agent(AgentId.random(), userId, name, null, ZoneId.of("Europe/Berlin"), AgentStatus.ACTIVE, T0, T0);
        p.transactions().inTransaction(owner, () -> {
            p.agents().insert(owner, agent, new Calendar(CalendarId.random(), agent.id(), T0));
            return null;
        });
        return agent;
    }

    /** The owner's path to one of their agents, as the use cases take it: no credential is forged. */
    private AgentScope scopeOf(Agent agent) {
        return ownership.scopeFor(ownership.userPrincipal(agent.owner()), agent, Access.WRITE);
    }

    private <T> T in(AgentScope scope, java.util.function.Supplier<T> work) {
        return p.transactions().inTransaction(scope, work);
    }

    private Event event(AgentScope scope, String title, Instant start, String rrule) {
        Event e = new Event(EventId.random(), scope.agentId(), new EventData(title, start, start.plus(1, ChronoUnit.HOURS),
                false, "d", "l", rrule, rrule == null ? null : ZoneId.of("Europe/Berlin"), "#aabbcc"), 1, T0, T0);
        in(scope, () -> {
            p.events().insert(scope, e);
            return null;
        });
        return e;
    }

    @Test
    void eventsAreReadWrittenAndStreamedOnlyWithinTheirScope() {
        Event late = event(a, "late", T0.plus(2, ChronoUnit.DAYS), null);
        Event early = event(a, "early", T0, null);
        Event series = event(a, "series", T0.minus(30, ChronoUnit.DAYS), "FREQ=WEEKLY");
        Event foreign = event(b, "b's", T0, null);

        assertThat(in(a, () -> p.events().find(a, early.id()))).contains(early);
        assertThat(in(b, () -> p.events().find(b, early.id()))).isEmpty();
        assertThat(in(a, () -> p.events().list(a, new EventWindow(null, null, 10, 0))))
                .extracting(e -> e.data().title()).containsExactly("series", "early", "late");
        assertThat(in(a, () -> p.events().list(a, new EventWindow(T0, T0.plus(1, ChronoUnit.DAYS), 10, 0))))
                .containsExactly(early);
        assertThat(in(a, () -> p.events().list(a, new EventWindow(null, null, 1, 1)))).containsExactly(early);
        assertThat(in(a, () -> p.events().candidatesForExpansion(a, T0.plus(1, ChronoUnit.DAYS), T0.plus(3, ChronoUnit.DAYS))))
                .containsExactly(series, late);

        List<String> streamed = new ArrayList<>();
        in(a, () -> {
            p.events().forEach(a, e -> streamed.add(e.data().title()));
            return null;
        });
        assertThat(streamed).containsExactly("series", "early", "late");
        assertThat(in(a, () -> p.events().fingerprint(a)).revision()).isEqualTo(3);
        assertThat(in(a, () -> p.events().zonesInUse(a))).containsExactly(ZoneId.of("Europe/Berlin"));
        assertThat(in(b, () -> p.events().fingerprint(b)).revision()).as("a sibling's writes are not counted").isEqualTo(1);

        // B cannot change or delete A's event, even knowing its id and version.
        Event hijack = new Event(early.id(), agentB.id(), early.data(), 2, T0, T0);
        assertThat(in(b, () -> p.events().update(b, hijack, 1))).isFalse();
        assertThat(in(b, () -> p.events().delete(b, early.id()))).isFalse();
        assertThat(in(a, () -> p.events().find(a, early.id()))).contains(early);
        assertThat(in(a, () -> p.events().find(a, foreign.id()))).isEmpty();
    }

    @Test
    void timestampsReadBackExactlyToTheMicrosecondOnEveryReadPath() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");
        Instant fine = Instant.parse("2026-03-01T09:00:00.123456Z");
        Event e = new Event(EventId.random(), a.agentId(), new EventData("precise", beforeEpoch, fine, false, null, null,
                null, null, null), 1, fine.minusNanos(1_000), fine);
        in(a, () -> {
            p.events().insert(a, e);
            return null;
        });

        assertThat(in(a, () -> p.events().find(a, e.id()))).contains(e);
        assertThat(in(a, () -> p.events().list(a, new EventWindow(beforeEpoch, fine, 10, 0)))).containsExactly(e);
        assertThat(in(a, () -> p.events().candidatesForExpansion(a, beforeEpoch, fine))).containsExactly(e);
        List<Event> streamed = new ArrayList<>();
        in(a, () -> {
            p.events().forEach(a, streamed::add);
            return null;
        });
        assertThat(streamed).containsExactly(e);
    }

    @Test
    void eventUpdatesAreOptimistic() {
        Event e = event(a, "v1", T0, null);
        Event v2 = new Event(e.id(), e.agentId(), new EventData("v2", T0, T0.plus(2, ChronoUnit.HOURS), false, null, null,
                null, null, null), 2, T0, T0.plusSeconds(60));

        assertThat(in(a, () -> p.events().update(a, v2, 1))).isTrue();
        assertThat(in(a, () -> p.events().update(a, v2, 1))).as("stale version").isFalse();
        assertThat(in(a, () -> p.events().find(a, e.id()))).contains(v2);
        assertThat(in(a, () -> p.events().fingerprint(a))).isEqualTo(new CalendarFingerprint(2, T0.plusSeconds(60)));
        assertThat(in(a, () -> p.events().update(a, v2, 1))).as("a refused write changes nothing").isFalse();
        assertThat(in(a, () -> p.events().fingerprint(a)).revision()).isEqualTo(2);
        Instant beforeDelete = Instant.now();
        assertThat(in(a, () -> p.events().delete(a, e.id()))).isTrue();
        assertThat(in(a, () -> p.events().delete(a, e.id()))).isFalse();
        // The calendar is empty again, yet its validators moved on: a feed client must refetch.
        CalendarFingerprint afterDelete = in(a, () -> p.events().fingerprint(a));
        assertThat(afterDelete.revision()).isEqualTo(3);
        assertThat(afterDelete.lastChange()).isAfterOrEqualTo(beforeDelete.truncatedTo(ChronoUnit.MILLIS));
        assertThat(in(b, () -> p.events().fingerprint(b))).isEqualTo(new CalendarFingerprint(0, null));
    }

    @Test
    void deletingAnAgentWithManyEventsCascadesThroughTheCalendarTriggers() throws Exception {
        in(a, () -> {
            for (int i = 0; i < 2000; i++) {
                p.events().insert(a, new Event(EventId.random(), a.agentId(), new EventData("e" + i,
                        T0.plusSeconds(i * 3600L), T0.plusSeconds(i * 3600L + 60), false, null, null, null, null, null),
                        1, T0, T0.plusSeconds(i)));
            }
            return null;
        });
        assertThat(in(a, () -> p.events().fingerprint(a))).isEqualTo(new CalendarFingerprint(2000, T0.plusSeconds(1999)));

        assertThat(in(a, () -> p.agents().delete(a))).isTrue();

        try (var connection = db.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from events where agent_id = '" + agentA.id() + "'")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
        assertThat(in(b, () -> p.events().fingerprint(b)).revision()).isZero();
    }

    @Test
    void documentsListWithoutContentAndStayInScope() {
        Document doc = new Document(DocumentId.random(), agentA.id(), "Notes", DocumentType.MARKDOWN, "# big", 1, T0, T0);
        in(a, () -> {
            p.documents().insert(a, doc);
            return null;
        });

        assertThat(in(a, () -> p.documents().find(a, doc.id()))).contains(doc);
        assertThat(in(a, () -> p.documents().list(a, true))).containsExactly(doc);
        assertThat(in(a, () -> p.documents().list(a, false))).singleElement()
                .satisfies(d -> assertThat(d.content()).isEmpty());
        assertThat(in(b, () -> p.documents().list(b, true))).isEmpty();
        assertThat(in(b, () -> p.documents().find(b, doc.id()))).isEmpty();

        Document v2 = new Document(doc.id(), doc.agentId(), "Notes 2", doc.type(), "new", 2, T0, T0.plusSeconds(1));
        assertThat(in(b, () -> p.documents().update(b, v2, 1))).isFalse();
        assertThat(in(b, () -> p.documents().delete(b, doc.id()))).isFalse();
        assertThat(in(a, () -> p.documents().update(a, v2, 1))).isTrue();
        assertThat(in(a, () -> p.documents().update(a, v2, 1))).isFalse();
        assertThat(in(a, () -> p.documents().find(a, doc.id()))).contains(v2);
        assertThat(in(a, () -> p.documents().delete(a, doc.id()))).isTrue();
    }

    @Test
    void subscriptionTokensRotateAndAreFoundOnlyForTheirAgent() {
        FeedToken token = FeedToken.generate(random);
        Subscription sub = new Subscription(SubscriptionId.random(), agentA.id(), token, "phone", "a@b.c", FeedDetail.BUSY,
                T0, null, null);
        in(a, () -> {
            p.subscriptions().insert(a, sub);
            return null;
        });

        assertThat(in(a, () -> p.subscriptions().list(a))).containsExactly(sub);
        assertThat(in(b, () -> p.subscriptions().list(b))).isEmpty();
        assertThat(in(b, () -> p.subscriptions().find(b, sub.id()))).isEmpty();
        // The token's own agent comes from the row: A's, never the sibling's.
        assertThat(p.transactions().inTransaction(() -> p.credentials().feedByToken(token)))
                .hasValueSatisfying(c -> {
                    assertThat(c.subscriptionId()).isEqualTo(sub.id());
                    assertThat(c.agentId()).isEqualTo(agentA.id());
                });

        FeedToken rotated = FeedToken.generate(random);
        assertThat(in(b, () -> p.subscriptions().replaceToken(b, sub.id(), rotated))).isEmpty();
        assertThat(in(a, () -> p.subscriptions().replaceToken(a, sub.id(), rotated)))
                .hasValueSatisfying(s -> assertThat(s.token()).isEqualTo(rotated));
        assertThat(p.transactions().inTransaction(() -> p.credentials().feedByToken(token))).isEmpty();
        assertThat(p.transactions().inTransaction(() -> p.credentials().feedByToken(rotated))).isPresent();

        Instant fetched = T0.plusSeconds(600);
        in(a, () -> {
            p.subscriptions().recordFetch(a, sub.id(), fetched, "Google-Calendar-Importer", fetched.minusSeconds(60));
            return null;
        });
        // Within the minute and from the same client: no write.
        in(a, () -> {
            p.subscriptions().recordFetch(a, sub.id(), fetched.plusSeconds(30), "Google-Calendar-Importer",
                    fetched.minusSeconds(30));
            return null;
        });
        assertThat(in(a, () -> p.subscriptions().find(a, sub.id()))).hasValueSatisfying(s -> {
            assertThat(s.lastFetchedAt()).isEqualTo(fetched);
            assertThat(s.lastFetchedBy()).isEqualTo("Google-Calendar-Importer");
        });
        // The lookup tells the same, so the next fetch within the minute need not try to write.
        assertThat(p.transactions().inSingleStatement(() -> p.credentials().feedByToken(rotated)))
                .hasValueSatisfying(c -> {
                    assertThat(c.lastFetchedAt()).isEqualTo(fetched);
                    assertThat(c.lastFetchedBy()).isEqualTo("Google-Calendar-Importer");
                    assertThat(c.fetchRecordDue(fetched.minusSeconds(30), "Google-Calendar-Importer")).isFalse();
                    assertThat(c.fetchRecordDue(fetched.plusSeconds(1), "Google-Calendar-Importer")).isTrue();
                    assertThat(c.fetchRecordDue(fetched.minusSeconds(30), "Apple")).isTrue();
                });
        assertThat(in(b, () -> p.subscriptions().delete(b, sub.id()))).isFalse();
        assertThat(in(a, () -> p.subscriptions().delete(a, sub.id()))).isTrue();
        assertThat(p.transactions().inTransaction(() -> p.credentials().feedByToken(rotated))).isEmpty();
    }

    @Test
    void onlyDigestsOfKeysAreStoredAndAReplacedKeyStopsMatching() throws Exception {
        ApiKey first = ApiKey.generate(random);
        ApiKey second = ApiKey.generate(random);
        in(a, () -> {
            p.apiKeys().replaceAll(a, KeyRows.key(a), first.digest(), T0);
            return null;
        });
        assertThat(p.transactions().inTransaction(() -> p.credentials().agentByKeyDigest(first.digest())))
                .map(AgentCredential::agentId).contains(agentA.id());

        in(a, () -> {
            p.apiKeys().replaceAll(a, KeyRows.key(a), second.digest(), T0);
            return null;
        });
        assertThat(p.transactions().inTransaction(() -> p.credentials().agentByKeyDigest(first.digest()))).isEmpty();
        assertThat(p.transactions().inTransaction(() -> p.credentials().agentByKeyDigest(second.digest()))).isPresent();

        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select digest, api_keys::text, revoked_at is null from api_keys")) {
            int live = 0;
            while (rs.next()) {
                // The replaced key's row stays, revoked (issue 17: the owner's list and audit name it).
                live += rs.getBoolean(3) ? 1 : 0;
                assertThat(rs.getBytes(1)).hasSize(32)
                        .isEqualTo((rs.getBoolean(3) ? second : first).digest().bytes());
                for (ApiKey key : new ApiKey[] {first, second}) {
                    assertThat(rs.getString(2)).doesNotContain(key.reveal()).doesNotContain(key.reveal().substring(3));
                }
            }
            assertThat(live).isEqualTo(1);
        }
    }

    @Test
    void agentsAreSeenOnlyByTheirOwnerAndDeleteWithAllTheirData() {
        UserId stranger = new UserId("user_2");
        p.transactions().inTransaction(() -> p.users().upsert(UserProfile.idOnly(stranger), T0));
        OwnerScope strangerScope = ownership.scopeFor(ownership.userPrincipal(stranger));

        assertThat(p.transactions().inTransaction(owner, () -> p.agents().list(owner))).containsExactly(agentA, agentB);
        assertThat(p.transactions().inTransaction(strangerScope, () -> p.agents().list(strangerScope))).isEmpty();
        assertThat(p.transactions().inTransaction(strangerScope, () -> p.agents().find(strangerScope, agentA.id()))).isEmpty();
        assertThat(p.transactions().inTransaction(owner, () -> p.agents().find(owner, agentA.id()))).contains(agentA);

        Agent renamed = new Agent(agentA.id(), agentA.owner(), "A2", "desc", ZoneId.of("UTC"), AgentStatus.SUSPENDED, T0,
                T0.plusSeconds(5));
        assertThat(in(a, () -> p.agents().update(a, renamed))).isTrue();
        assertThat(in(a, () -> p.agents().get(a))).contains(renamed);
        assertThat(p.transactions().inTransaction(() -> p.credentials().agentByKeyDigest(ApiKey.generate(random).digest())))
                .isEmpty();

        event(a, "x", T0, null);
        assertThat(in(a, () -> p.agents().delete(a))).isTrue();
        assertThat(in(a, () -> p.agents().get(a))).isEmpty();
        assertThat(count("events")).isZero();
        assertThat(count("calendars")).isEqualTo(1);
    }

    @Test
    void deletingAUserRemovesEveryRowTheyOwnAndLeavesATombstone() {
        event(a, "e", T0, null);
        in(a, () -> {
            p.apiKeys().replaceAll(a, KeyRows.key(a), ApiKey.generate(random).digest(), T0);
            p.subscriptions().insert(a, new Subscription(SubscriptionId.random(), agentA.id(), FeedToken.generate(random),
                    null, null, FeedDetail.FULL, T0, null, null));
            p.documents().insert(a, new Document(DocumentId.random(), agentA.id(), "d", DocumentType.MARKDOWN, "", 1, T0, T0));
            p.audit().append(a, new AuditEntry(AuditEntryId.random(), agentA.id(), AuditAction.KEY_ISSUED, "system", null, T0));
            p.idempotency().save(a, new IdempotencyRecord("k", "f", new StoredResponse(201, Map.of(), "{}"), T0,
                    T0.plusSeconds(60)));
            return null;
        });
        UserId userId = new UserId("user_1");

        assertThat(p.transactions().inTransaction(() -> p.users().delete(userId, T0))).isTrue();

        for (String table : List.of("users", "agents", "calendars", "events", "documents", "subscriptions", "api_keys",
                "audit_entries", "idempotency_records")) {
            assertThat(count(table)).as(table).isZero();
        }
        assertThat(p.transactions().inTransaction(() -> p.users().isTombstoned(userId))).isTrue();
        assertThat(p.transactions().inTransaction(() -> p.users().provision(UserProfile.idOnly(userId), T0))).isEmpty();
        assertThat(p.transactions().inTransaction(() -> p.users().find(userId))).isEmpty();
        // Clerk re-creating the id (user.created) lifts the tombstone.
        p.transactions().inTransaction(() -> p.users().upsert(new UserProfile(userId, "a@b.c", "A", "B", null), T0));
        assertThat(p.transactions().inTransaction(() -> p.users().isTombstoned(userId))).isFalse();
        assertThat(p.transactions().inTransaction(() -> p.users().find(userId)))
                .hasValueSatisfying(u -> assertThat(u.email()).isEqualTo("a@b.c"));
    }

    @Test
    void provisioningIsIdempotentAndUpsertUpdatesTheProfile() {
        UserId id = new UserId("user_new");
        var first = p.transactions().inTransaction(() -> p.users().provision(UserProfile.idOnly(id), T0));
        var again = p.transactions().inTransaction(() -> p.users().provision(UserProfile.idOnly(id), T0.plusSeconds(9)));
        assertThat(again).isEqualTo(first);
        var updated = p.transactions().inTransaction(() -> p.users().upsert(new UserProfile(id, "x@y.z", "X", "Y", "https://img"),
                T0.plusSeconds(10)));
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(updated.imageUrl()).isEqualTo("https://img");
    }

    @Test
    void auditEntriesAreNewestFirstAndPerAgent() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            in(a, () -> {
                p.audit().append(a, new AuditEntry(AuditEntryId.random(), agentA.id(), AuditAction.SUBSCRIPTION_ROTATED,
                        "user:user_1", "n" + n, T0.plusSeconds(n)));
                return null;
            });
        }
        assertThat(in(a, () -> p.audit().list(a, 2, 0))).extracting(AuditEntry::detail).containsExactly("n2", "n1");
        assertThat(in(a, () -> p.audit().list(a, 2, 2))).extracting(AuditEntry::detail).containsExactly("n0");
        assertThat(in(b, () -> p.audit().list(b, 10, 0))).isEmpty();
    }

    @Test
    void idempotencyRecordsReplayUntilTheyExpireAndAreScopedPerAgent() {
        IdempotencyRecord record = new IdempotencyRecord("key-1", "fp", new StoredResponse(201,
                Map.of("Location", "/api/v1/events/x", "ETag", "\"v1\""), "{\"event\":{}}"), T0, T0.plusSeconds(60));
        in(a, () -> {
            p.idempotency().save(a, record);
            return null;
        });

        assertThat(in(a, () -> p.idempotency().find(a, "key-1", T0.plusSeconds(10)))).contains(record);
        assertThat(in(b, () -> p.idempotency().find(b, "key-1", T0.plusSeconds(10)))).isEmpty();
        assertThat(in(a, () -> p.idempotency().find(a, "key-1", T0.plusSeconds(61)))).isEmpty();

        IdempotencyRecord overwrite = new IdempotencyRecord("key-1", "other", new StoredResponse(200, Map.of(), "{}"),
                T0.plusSeconds(10), T0.plusSeconds(70));
        in(a, () -> {
            p.idempotency().save(a, overwrite);
            return null;
        });
        assertThat(in(a, () -> p.idempotency().find(a, "key-1", T0.plusSeconds(20)))).as("a live record is never replaced")
                .contains(record);

        IdempotencyRecord afterExpiry = new IdempotencyRecord("key-1", "new", new StoredResponse(200, Map.of(), "{}"),
                T0.plusSeconds(100), T0.plusSeconds(200));
        in(a, () -> {
            p.idempotency().save(a, afterExpiry);
            return null;
        });
        assertThat(in(a, () -> p.idempotency().find(a, "key-1", T0.plusSeconds(101)))).contains(afterExpiry);
    }

    @Test
    void theIdempotencyLockIsExclusiveAcrossConnectionsAndFreedByCommit() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> in(a, () -> {
            boolean got = p.idempotency().tryLock(a, "k");
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return got;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(in(a, () -> p.idempotency().tryLock(a, "k"))).as("held by the other transaction").isFalse();
        assertThat(in(b, () -> p.idempotency().tryLock(b, "k"))).as("another agent's key of the same name").isTrue();
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(in(a, () -> p.idempotency().tryLock(a, "k"))).as("released at commit").isTrue();
    }

    @Test
    void aWebhookDeliveryIsMarkedOnce() {
        assertThat(p.transactions().inTransaction(() -> p.processedWebhooks().markProcessed("msg_1", T0))).isTrue();
        assertThat(p.transactions().inTransaction(() -> p.processedWebhooks().markProcessed("msg_1", T0))).isFalse();
        assertThat(p.transactions().inTransaction(() -> p.processedWebhooks().markProcessed("msg_2", T0))).isTrue();
    }

    @Test
    void eachTransactionStatesItsScopeForRowLevelSecurity() {
        assertThat(in(a, () -> setting("app.agent_id"))).isEqualTo(agentA.id().toString());
        assertThat(in(a, () -> setting("app.user_id"))).isEmpty();
        assertThat(p.transactions().inTransaction(owner, () -> setting("app.user_id"))).isEqualTo("user_1");
        assertThat(p.transactions().inTransaction(() -> setting("app.agent_id"))).isEmpty();
    }

    @Test
    void aWriteForAnAgentDeletedMeanwhileIsNotFoundNotAnInternalError() {
        in(a, () -> p.agents().delete(a));
        Event e = new Event(EventId.random(), agentA.id(), new EventData("t", T0, T0, false, null, null, null, null, null),
                1, T0, T0);
        Document d = new Document(DocumentId.random(), agentA.id(), "d", DocumentType.MARKDOWN, "", 1, T0, T0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in(a, () -> {
            p.events().insert(a, e);
            return null;
        })).isInstanceOf(org.agentworkspace.core.domain.NotFound.class).hasMessage("Agent not found");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in(a, () -> {
            p.documents().insert(a, d);
            return null;
        })).isInstanceOf(org.agentworkspace.core.domain.NotFound.class).hasMessage("Agent not found");
    }

    @Test
    void aFailureInsideRollsEverythingBack() {
        Event e = new Event(EventId.random(), agentA.id(), new EventData("t", T0, T0, false, null, null, null, null, null),
                1, T0, T0);
        try {
            in(a, () -> {
                p.events().insert(a, e);
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(in(a, () -> p.events().find(a, e.id()))).isEmpty();
    }

    private String setting(String name) {
        String value = ((JooqTransactions) p.transactions()).dsl().fetchValue(
                org.jooq.impl.DSL.field("current_setting({0}, true)", String.class, org.jooq.impl.DSL.val(name)));
        return value == null ? "" : value;
    }

    private long count(String table) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

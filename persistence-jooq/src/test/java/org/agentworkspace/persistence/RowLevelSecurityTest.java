package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.agentworkspace.persistence.generated.Tables.EVENTS;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.testing.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database's own wall: statements WITHOUT a scope predicate, run as the runtime role inside
 * the transactions {@link JooqTransactions} opens, still see only the scope's rows. Agents A and
 * B belong to one user, C to a stranger.
 */
class RowLevelSecurityTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final List<String> AGENT_OWNED = List.of("agents", "calendars", "events", "event_exceptions",
            "documents", "subscriptions", "api_keys", "audit_entries", "idempotency_records", "changes",
            "webhook_endpoints", "webhook_messages");

    private final Ownership ownership = new Ownership();
    private final SecureRandom random = new SecureRandom();

    private final RuntimeRoleFixture fixture = new RuntimeRoleFixture(ownership, T0);
    private final TestDatabases.Database database = fixture.database;
    private final JooqPersistence p = fixture.p;
    private OwnerScope owner;
    private AgentScope a;
    private AgentScope b;
    private AgentScope c;
    private Event eventOfA;
    private Event eventOfB;
    private Event eventOfC;
    private ApiKey keyOfA;
    private ApiKey keyOfB;
    private Subscription subscriptionOfB;

    @BeforeEach
    void setUp() {
        UserId user = fixture.user("user_1");
        UserId stranger = fixture.user("user_2");
        owner = ownership.scopeFor(ownership.userPrincipal(user));
        a = newAgent(user);
        b = newAgent(user);
        c = newAgent(stranger);
        eventOfA = event(a, "a");
        eventOfB = event(b, "b");
        eventOfC = event(c, "c");
        keyOfA = key(a);
        keyOfB = key(b);
        key(c);
        subscriptionOfB = new Subscription(SubscriptionId.random(), b.agentId(), FeedToken.generate(random), null, null,
                FeedDetail.FULL, T0, null, null);
        p.transactions().inTransaction(b, () -> {
            p.subscriptions().insert(b, subscriptionOfB);
            return null;
        });
    }

    @Test
    void aStatementWithoutPredicateSeesOnlyTheAgentScopesRows() {
        assertThat(inScope(a, () -> ids("select id from events"))).containsExactly(eventOfA.id().value());
        assertThat(inScope(a, () -> ids("select id from agents"))).containsExactly(a.agentId().value());
        assertThat(inScope(a, () -> ids("select agent_id from calendars"))).containsExactly(a.agentId().value());
        assertThat(inScope(a, () -> ids("select agent_id from subscriptions"))).isEmpty();
        assertThat(inScope(b, () -> ids("select agent_id from subscriptions"))).containsExactly(b.agentId().value());
    }

    @Test
    void anAgentScopeReadsOnlyItsOwnKeyDigests() {
        List<byte[]> digests = inScope(a, () -> dsl().fetch("select digest from api_keys").getValues(0, byte[].class));
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0)).isEqualTo(keyOfA.digest().bytes());
    }

    @Test
    void anOwnerScopeSeesEveryAgentOfThatUserAndNoStrangersAgent() {
        assertThat(p.transactions().inTransaction(owner, () -> ids("select id from events")))
                .containsExactlyInAnyOrder(eventOfA.id().value(), eventOfB.id().value());
        assertThat(p.transactions().inTransaction(owner, () -> ids("select id from agents")))
                .containsExactlyInAnyOrder(a.agentId().value(), b.agentId().value());
        assertThat(p.transactions().inTransaction(owner, () -> dsl().fetch("select id from users").getValues(0, String.class)))
                .containsExactly("user_1");
    }

    @Test
    void narrowingAnOwnerTransactionToOneAgentHidesTheOwnersOtherAgentsForTheRestOfIt() {
        List<List<UUID>> seen = p.transactions().inTransaction(owner, () -> {
            List<UUID> before = ids("select id from events");
            p.transactions().narrowTo(a);
            List<UUID> events = ids("select id from events");
            List<UUID> agents = ids("select id from agents");
            // The same agent's scope joins the narrowed transaction; the owner's no longer does.
            List<UUID> joined = p.transactions().inTransaction(a, () -> ids("select agent_id from api_keys"));
            return List.of(before, events, agents, joined);
        });

        assertThat(seen.get(0)).containsExactlyInAnyOrder(eventOfA.id().value(), eventOfB.id().value());
        assertThat(seen.get(1)).containsExactly(eventOfA.id().value());
        assertThat(seen.get(2)).containsExactly(a.agentId().value());
        assertThat(seen.get(3)).containsExactly(a.agentId().value());
    }

    @Test
    void aNarrowedTransactionAdmitsNeitherTheOwnersScopeNorASiblingAgentsNorTheUsersRow() {
        long users = p.transactions().inTransaction(owner, () -> {
            p.transactions().narrowTo(a);
            assertThatThrownBy(() -> p.transactions().inTransaction(owner, () -> count("events")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> p.transactions().inTransaction(b, () -> count("events")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> p.transactions().narrowTo(b)).isInstanceOf(IllegalStateException.class);
            return count("users");
        });
        assertThat(users).isZero();
    }

    @Test
    void aNestedTransactionForAnotherScopeIsRefusedAndTheOuterOneRollsBack() {
        assertThatThrownBy(() -> p.transactions().inTransaction(owner, () -> {
            dsl().execute("update events set title = 'changed' where id = ?", eventOfA.id().value());
            return p.transactions().inTransaction(a, () -> count("events"));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot join");
        assertThat(inScope(a, () -> p.events().find(a, eventOfA.id())))
                .hasValueSatisfying(e -> assertThat(e.data().title()).isEqualTo("a"));

        assertThatThrownBy(() -> inScope(a, () -> inScope(b, () -> count("events"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inScope(a, () -> p.transactions().inTransaction(owner, () -> count("events"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inScope(a, () -> p.transactions().inTransaction(() -> count("events"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.transactions().inTransaction(() -> inScope(a, () -> count("events"))))
                .isInstanceOf(IllegalStateException.class);
        // The same scope, even as another instance for the same agent, joins.
        assertThat(inScope(a, () -> inScope(a, () -> count("events")))).isEqualTo(1);
    }

    @Test
    void onlyAnOpenOwnerScopedTransactionCanBeNarrowed() {
        assertThatThrownBy(() -> p.transactions().narrowTo(a)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inScope(b, () -> {
            p.transactions().narrowTo(a);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.transactions().inTransaction(() -> {
            p.transactions().narrowTo(a);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.transactions().inSingleStatement(() -> {
            p.transactions().narrowTo(a);
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAScopeEveryTableIsEmpty() throws SQLException {
        for (String table : AGENT_OWNED) {
            assertThat(p.transactions().inTransaction(() -> count(table))).as(table).isZero();
        }
        // A connection that never set the variables (NULL) and one where a previous transaction
        // set them locally (PostgreSQL then reports '') admit nothing either.
        try (Connection conn = database.runtimeDataSource().getConnection()) {
            assertThat(countOn(conn, "events")).isZero();
            conn.setAutoCommit(false);
            try (Statement s = conn.createStatement()) {
                s.execute("select set_config('app.agent_id', '" + a.agentId() + "', true)");
            }
            assertThat(countOn(conn, "events")).isEqualTo(1);
            conn.commit();
            conn.setAutoCommit(true);
            assertThat(countOn(conn, "events")).isZero();
        }
    }

    @Test
    void writesAimedAtAnotherAgentChangeNothing() {
        int updated = inScope(a, () -> dsl().execute("update events set title = 'hijacked' where id = ?",
                eventOfB.id().value()));
        int deleted = inScope(a, () -> dsl().execute("delete from events where id = ?", eventOfB.id().value()));
        int deletedAgents = inScope(a, () -> dsl().execute("delete from agents where id = ?", b.agentId().value()));

        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(deletedAgents).isZero();
        assertThat(inScope(b, () -> p.events().find(b, eventOfB.id())))
                .hasValueSatisfying(e -> assertThat(e.data().title()).isEqualTo("b"));
    }

    @Test
    void seriesExceptionsAreWalledLikeTheirSeries() {
        Instant occurrence = T0.plus(7, ChronoUnit.DAYS);
        p.transactions().inTransaction(b, () -> {
            p.events().saveException(b, eventOfB.id(), EventException.cancellation(occurrence));
            return null;
        });

        assertThat(inScope(a, () -> count("event_exceptions"))).isZero();
        assertThat(inScope(b, () -> count("event_exceptions"))).isEqualTo(1);
        assertThat(p.transactions().inTransaction(owner, () -> count("event_exceptions"))).isEqualTo(1);
        assertThat(inScope(c, () -> count("event_exceptions"))).isZero();
        // The repository's own writes in A's scope reach nothing of B's; a raw insert under A's
        // scope for B's series is refused by the policy, one naming A beside B's series by the key.
        assertThat(inScope(a, () -> p.events().removeException(a, eventOfB.id(), occurrence))).isFalse();
        inScope(a, () -> {
            p.events().discardExceptions(a, eventOfB.id(), null);
            return null;
        });
        assertThatThrownBy(() -> inScope(a, () -> {
            p.events().saveException(a, eventOfB.id(), EventException.cancellation(occurrence.plusSeconds(60)));
            return null;
        })).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inScope(a, () -> dsl().execute("insert into event_exceptions (event_id, agent_id, "
                + "original_start, cancelled) values (?, ?, ?::timestamptz, true)", eventOfB.id().value(), b.agentId().value(),
                "2026-03-15T09:00:00Z")))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("row-level security");
        List<Event> streamed = new ArrayList<>();
        inScope(b, () -> {
            p.events().forEach(b, streamed::add);
            return null;
        });
        assertThat(streamed).singleElement().satisfies(
                e -> assertThat(e.exceptions()).containsExactly(EventException.cancellation(occurrence)));

        // Deleting the series deletes its exceptions.
        inScope(b, () -> p.events().delete(b, eventOfB.id()));
        assertThat(inScope(b, () -> count("event_exceptions"))).isZero();
    }

    @Test
    void rowsCannotBeWrittenIntoAnotherAgentsScope() {
        assertThatThrownBy(() -> inScope(a, () -> dsl().execute(
                "insert into api_keys (id, agent_id, digest, created_at) values (?, ?, ?, now())",
                UUID.randomUUID(), b.agentId().value(), ApiKey.generate(random).digest().bytes())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> inScope(a, () -> dsl().execute("update events set agent_id = ? where id = ?",
                b.agentId().value(), eventOfA.id().value())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    void theRuntimeRoleIsNoSuperuserOwnsNothingAndCannotLiftTheWall() throws SQLException {
        try (Connection conn = database.runtimeDataSource().getConnection(); Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = current_user)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("objects owned").isZero();
            }
            for (String statement : List.of(
                    "alter table events disable row level security",
                    "alter table api_keys no force row level security",
                    "drop policy events_scope on events",
                    "create policy everything on events using (true)",
                    "set role " + TestDatabases.OWNER_ROLE,
                    "set session authorization " + TestDatabases.OWNER_ROLE,
                    "insert into users (id, created_at, updated_at) values ('x', now(), now())",
                    "delete from users",
                    "select * from user_tombstones",
                    "select * from processed_webhooks",
                    "select * from server_secrets")) {
                assertThatThrownBy(() -> s.execute(statement)).as(statement)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isIn("42501", "42704"));
            }
        }
    }

    @Test
    void theDefinerSwitchIsUselessToTheRuntimeRole() {
        // The definer functions' switch only counts when the current user is the schema owner.
        List<UUID> seen = inScope(a, () -> {
            dsl().execute("select set_config('aw.definer', 'on', true)");
            return ids("select agent_id from api_keys");
        });
        assertThat(seen).containsExactly(a.agentId().value());
    }

    @Test
    void theDefinerFunctionsAnswerOnlyTheQuestionTheyAreAsked() {
        List<Record> byUnknownDigest = p.transactions().inTransaction(
                () -> dsl().fetch("select * from aw_agent_by_key_digest(?)", (Object) ApiKey.generate(random).digest().bytes()));
        assertThat(byUnknownDigest).isEmpty();
        assertThat(p.transactions().inTransaction(() -> p.credentials().agentByKeyDigest(keyOfB.digest())))
                .map(AgentCredential::agentId).contains(b.agentId());
        // B's token answers B's subscription and B's agent, read from the row: the use case
        // compares that agent with the one a feed URL names.
        assertThat(p.transactions().inTransaction(() -> p.credentials().feedByToken(subscriptionOfB.token())))
                .hasValueSatisfying(f -> {
                    assertThat(f.subscriptionId()).isEqualTo(subscriptionOfB.id());
                    assertThat(f.agentId()).isEqualTo(b.agentId());
                });
        // Nothing the functions did lingers: after a lookup the same transaction still sees nothing.
        assertThat(p.transactions().inTransaction(() -> {
            p.credentials().agentByKeyDigest(keyOfB.digest());
            return count("api_keys");
        })).isZero();
    }

    @Test
    void aSingleStatementRunsTheLookupsInAutoCommitAndSeesNoOwnedRow() {
        assertThat(p.transactions().inSingleStatement(() -> p.credentials().agentByKeyDigest(keyOfB.digest())))
                .map(AgentCredential::agentId).contains(b.agentId());
        assertThat(p.transactions().inSingleStatement(() -> p.credentials().feedByToken(subscriptionOfB.token())))
                .hasValueSatisfying(f -> assertThat(f.subscriptionId()).isEqualTo(subscriptionOfB.id()));
        assertThat(p.transactions().inSingleStatement(() -> dsl().connectionResult(Connection::getAutoCommit))).isTrue();
        // A scope stated by an earlier transaction on the pooled connections does not linger.
        assertThat(inScope(a, () -> count("api_keys"))).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            assertThat(p.transactions().inSingleStatement(() -> count("api_keys"))).isZero();
        }
    }

    @Test
    void theEventWindowQueryStillUsesTheScopedIndex() throws SQLException {
        // Enough rows that a sequential scan would be the cheaper plan without the index.
        try (Connection conn = database.dataSource().getConnection(); Statement s = conn.createStatement()) {
            s.execute("insert into events (id, calendar_id, agent_id, title, start_at, end_at, all_day, version,"
                    + " created_at, updated_at)"
                    + " select gen_random_uuid(), c.id, c.agent_id, 'bulk', now() + g * interval '1 hour',"
                    + " now() + g * interval '1 hour', false, 1, now(), now()"
                    + " from calendars c cross join generate_series(1, 5000) g");
            s.execute("analyze");
        }
        // The statement JooqEventRepository.list renders, with the policies added by PostgreSQL.
        String plan = inScope(a, () -> dsl().explain(dsl().selectFrom(EVENTS)
                .where(EVENTS.AGENT_ID.eq(a.agentId().value()))
                .and(EVENTS.START_AT.ge(T0)).and(EVENTS.START_AT.lt(T0.plus(30, ChronoUnit.DAYS)))
                .orderBy(EVENTS.START_AT, EVENTS.ID).limit(50).offset(0)).plan());
        LoggerFactory.getLogger(RowLevelSecurityTest.class).info("Event window plan under row-level security:\n{}", plan);
        assertThat(plan).contains("events_agent_start_idx").doesNotContain("Seq Scan on events");
    }

    @Test
    void forcedSecurityFiltersTheOwnerToo() throws SQLException {
        try (Connection conn = database.ownerDataSource().getConnection()) {
            assertThat(countOn(conn, "events")).isZero();
            assertThat(countOn(conn, "api_keys")).isZero();
        }
        try (Connection conn = database.dataSource().getConnection()) {
            assertThat(countOn(conn, "events")).as("the superuser bypasses row security").isEqualTo(3);
        }
    }

    @Test
    void aServerConnectedAsTheOwnerStillWorks() {
        JooqPersistence asOwner = JooqPersistence.create(database.ownerDataSource());
        assertThat(asOwner.transactions().inTransaction(() -> asOwner.credentials().agentByKeyDigest(keyOfA.digest())))
                .map(AgentCredential::agentId).contains(a.agentId());
        assertThat(asOwner.transactions().inTransaction(a, () -> asOwner.events().find(a, eventOfA.id()))).contains(eventOfA);
        assertThat(asOwner.transactions().inTransaction(a, () -> asOwner.events().find(a, eventOfB.id()))).isEmpty();
        assertThat(asOwner.transactions().inTransaction(() -> asOwner.users().delete(new UserId("user_2"), T0))).isTrue();
        assertThat(inScopeOf(asOwner, c, () -> asOwner.events().find(c, eventOfC.id()))).isEmpty();
    }

    private AgentScope newAgent(UserId userId) {
        Agent agent = fixture.agentOf(userId);
        // The owner's path to one of their agents, as the use cases take it: no credential is forged.
        return ownership.scopeFor(ownership.userPrincipal(userId), agent, Access.WRITE);
    }

    private Event event(AgentScope scope, String title) {
        return fixture.insertEvent(scope, title);
    }

    private ApiKey key(AgentScope scope) {
        ApiKey key = ApiKey.generate(random);
        p.transactions().inTransaction(scope, () -> {
            p.apiKeys().replaceAll(scope, KeyRows.key(scope), key.digest(), T0);
            return null;
        });
        return key;
    }

    private <T> T inScope(AgentScope scope, Supplier<T> work) {
        return inScopeOf(p, scope, work);
    }

    private static <T> T inScopeOf(JooqPersistence persistence, AgentScope scope, Supplier<T> work) {
        return persistence.transactions().inTransaction(scope, work);
    }

    private DSLContext dsl() {
        return ((JooqTransactions) p.transactions()).dsl();
    }

    private List<UUID> ids(String sql) {
        return new ArrayList<>(dsl().fetch(sql).getValues(0, UUID.class));
    }

    private long count(String table) {
        return dsl().fetchSingle("select count(*) from " + table).get(0, Long.class);
    }

    private static long countOn(Connection conn, String table) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("select count(*) from " + table); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

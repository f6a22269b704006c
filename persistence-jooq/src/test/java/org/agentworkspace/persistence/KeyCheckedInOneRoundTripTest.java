package org.agentworkspace.persistence;

import static org.agentworkspace.core.builders.AgentInputBuilder.anAgentChange;
import static org.agentworkspace.core.builders.AgentInputBuilder.anAgent;
import static org.agentworkspace.core.builders.EventInputBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.fakes.FakeSessionVerifier;
import org.agentworkspace.core.fakes.SimpleRecurrenceExpander;
import org.agentworkspace.core.fakes.TextFeedRenderer;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.usecase.Ports;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.UseCases;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 on real PostgreSQL as the runtime role: an agent request pays for its key check in the
 * message of its first query, counted on the wire ({@link RoundTripCounter}); the in-process hint
 * that spares the lookup is never the last word, so a key revoked, rotated or deleted, or an agent
 * suspended, through another instance is refused on this one's very next request; and a statement
 * that goes without the check sees nothing.
 */
class KeyCheckedInOneRoundTripTest {
    private final Ownership ownership = new Ownership();
    private TestDatabases.Database database;
    private RoundTripCounter wire;
    private DataSource counted;
    /** "This instance": its one connection goes through the counter, and it keeps key hints. */
    private UseCases here;
    private JooqPersistence herePersistence;
    /** "Another instance" on the same database: the owner's dashboard changes keys and agents there. */
    private UseCases elsewhere;
    private UserPrincipal owner;
    private NewAgent agent;
    private Event event;

    @BeforeEach
    void setUp() throws Exception {
        database = RuntimeRoleDatabases.fresh();
        TestDatabases.Server server = database.server();
        wire = new RoundTripCounter(server.host(), server.port());
        counted = wire.singleConnection(database.name(), TestDatabases.RUNTIME_ROLE,
                TestDatabases.ROLE_PASSWORD);
        herePersistence = JooqPersistence.create(counted);
        here = useCases(herePersistence);
        elsewhere = useCases(JooqPersistence.create(database.runtimeDataSource()));
        owner = elsewhere.actAsUser().addUser(UserProfile.idOnly(new UserId("user_owner")));
        agent = elsewhere.createAgent().create(owner, anAgent().withName("A").build());
        event = here.createEvent().create(signIn(), anEvent().withTitle("first").build());
    }

    @AfterEach
    void tearDown() throws Exception {
        wire.close();
    }

    @Test
    void aGetEventIsOneRoundTripOnAWarmHintAndACreateTwo() {
        here.getEvent().get(signIn(), event.id().toString());
        wire.take();

        Event read = here.getEvent().get(signIn(), event.id().toString());
        assertThat(wire.take()).as("authenticate + get-event").isEqualTo(1);
        assertThat(read).isEqualTo(event);

        here.createEvent().create(signIn(), anEvent().withTitle("second").build());
        assertThat(wire.take()).as("authenticate + create-event (BEGIN, check, INSERT | COMMIT)").isEqualTo(2);
    }

    @Test
    void aConditionalUpdateIsThreeRoundTrips() {
        here.getEvent().get(signIn(), event.id().toString());
        wire.take();
        here.updateEvent().update(signIn(), event.id().toString(), anEvent().withTitle("changed").build(),
                java.util.OptionalLong.of(event.version()));
        assertThat(wire.take()).as("BEGIN, check, SELECT | UPDATE | COMMIT").isEqualTo(3);
    }

    @Test
    void aKnownUsersDashboardSignInOnlyReadsAndADeletedUserStaysRefused() {
        FakeSessionVerifier sessions = new FakeSessionVerifier();
        UseCases dashboard = useCases(herePersistence, sessions);
        String token = sessions.issue("session_owner", new UserId("user_owner"));
        wire.takeStatements();
        wire.take();

        dashboard.authenticateUser().authenticate(token);
        assertThat(wire.take()).isEqualTo(1);
        assertThat(wire.takeStatements()).singleElement().asString().contains("aw_find_user")
                .doesNotContain("aw_provision_user");

        String newcomer = sessions.issue("session_new", new UserId("user_new"));
        dashboard.authenticateUser().authenticate(newcomer);
        assertThat(wire.takeStatements()).anySatisfy(sql -> assertThat(sql).contains("aw_provision_user"));

        JooqPersistence other = JooqPersistence.create(database.runtimeDataSource());
        other.transactions().inTransaction(() -> other.users().delete(new UserId("user_owner"), Instant.now()));
        assertThatThrownBy(() -> dashboard.authenticateUser().authenticate(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void aColdHintCostsOneLookupMore() {
        JooqPersistence fresh = JooqPersistence.create(counted);
        UseCases cold = useCases(fresh);
        wire.take();
        AgentPrincipal principal = cold.authenticateAgent().authenticate(agent.apiKey().reveal());
        int lookup = wire.take();
        cold.getEvent().get(principal, event.id().toString());
        assertThat(lookup).as("the lookup (its use recorded at most once a minute)").isBetween(1, 2);
        assertThat(wire.take()).as("the checked get-event").isEqualTo(1);
    }

    @Test
    void aRevokedKeyWithAWarmHintIsRefusedOnTheNextRequest() {
        here.getEvent().get(signIn(), event.id().toString());
        elsewhere.revokeApiKey().revoke(owner, agent.agent().id().toString(), keyId());

        assertThatThrownBy(() -> here.getEvent().get(signIn(), event.id().toString()))
                .isInstanceOf(Unauthenticated.class);
        // The refusal forgot the hint: the next request is refused by the lookup itself.
        wire.take();
        assertThatThrownBy(this::signIn).isInstanceOf(Unauthenticated.class);
        assertThat(wire.take()).as("a lookup, no hint").isEqualTo(1);
    }

    @Test
    void aKeyRevokedThroughThisInstanceLeavesNoHintEvenForWorkThatNeverReachesTheDatabase() {
        here.getEvent().get(signIn(), event.id().toString());
        here.revokeApiKey().revoke(owner, agent.agent().id().toString(), keyId());

        wire.take();
        assertThatThrownBy(this::signIn).isInstanceOf(Unauthenticated.class);
        assertThat(wire.take()).as("a lookup: the commit forgot the hints").isEqualTo(1);
    }

    @Test
    void aKeyRotatedWithoutGraceWithAWarmHintIsRefusedOnTheNextRequestAndItsSuccessorWorks() {
        here.getEvent().get(signIn(), event.id().toString());
        var successor = elsewhere.rotateApiKey().rotate(owner, agent.agent().id().toString(), keyId(), Field.of(0L));

        assertThatThrownBy(() -> here.createEvent().create(signIn(), anEvent().build()))
                .isInstanceOf(Unauthenticated.class);
        AgentPrincipal next = here.authenticateAgent().authenticate(successor.secret().reveal());
        assertThat(here.getEvent().get(next, event.id().toString())).isEqualTo(event);
    }

    @Test
    void aDeletedAgentsKeyWithAWarmHintIsRefusedOnTheNextRequest() {
        AgentPrincipal principal = signIn();
        here.getEvent().get(principal, event.id().toString());
        elsewhere.deleteAgent().delete(owner, agent.agent().id().toString());

        assertThatThrownBy(() -> here.getEvent().get(signIn(), event.id().toString()))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void aSuspendedOrReadOnlyAgentWithAWarmHintIsRefusedOnTheNextRequest() {
        here.getEvent().get(signIn(), event.id().toString());
        setStatus("read_only");
        assertThatThrownBy(() -> here.createEvent().create(signIn(), anEvent().build()))
                .isInstanceOf(AgentNotWritable.class);
        assertThat(here.getEvent().get(signIn(), event.id().toString())).isEqualTo(event);

        setStatus("suspended");
        assertThatThrownBy(() -> here.getEvent().get(signIn(), event.id().toString()))
                .isInstanceOf(AgentSuspended.class);

        // Active again: no hint on this instance keeps refusing (only active agents are kept).
        setStatus("active");
        here.createEvent().create(signIn(), anEvent().build());
    }

    @Test
    void aRefusedCheckStopsTheStatementSentBehindIt() throws SQLException {
        AgentScope scope = ownership.scopeFor(signIn(), Scope.EVENTS_WRITE);
        elsewhere.revokeApiKey().revoke(owner, agent.agent().id().toString(), keyId());

        assertThatThrownBy(() -> herePersistence.transactions().inTransaction(scope, () -> dsl()
                .execute("update events set title = 'after revocation'"))).isInstanceOf(Unauthenticated.class);
        assertThat(titleAsSuperuser()).isEqualTo("first");
    }

    @Test
    void everyStatementOfACheckedReadCarriesTheCheckAndOneWithoutItSeesNothing() throws SQLException {
        AgentScope scope = ownership.scopeFor(signIn(), Scope.EVENTS_READ);
        List<Long> seen = herePersistence.transactions().inTransaction(scope, () -> List.of(
                count("events"), count("events"), count("calendars")));
        assertThat(seen).containsExactly(1L, 1L, 1L);

        // The check's scope ends with its own implicit transaction: sent alone, it opens nothing
        // for the next statement, on the same connection.
        try (Connection connection = counted.getConnection()) {
            try (PreparedStatement check = connection.prepareStatement(PrologueConnection.ENTER_AGENT_SCOPE)) {
                bindReadCheck(check, agent.apiKey().digest().bytes());
                check.executeQuery().close();
            }
            assertThat(countOn(connection, "events")).isZero();
            assertThat(countOn(connection, "api_keys")).isZero();
        }
    }

    @Test
    void aKeyOfAnotherAgentDoesNotOpenThisAgentsScope() throws SQLException {
        NewAgent other = elsewhere.createAgent().create(owner, anAgent().withName("B").build());
        try (Connection connection = database.runtimeDataSource().getConnection();
             PreparedStatement check = connection.prepareStatement(PrologueConnection.ENTER_AGENT_SCOPE
                     + ";\nselect count(*) from events")) {
            bindReadCheck(check, other.apiKey().digest().bytes());
            assertThatThrownBy(check::execute).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("AWKEY"));
        }
    }

    /** aw_enter_agent_scope's parameters for a read of agent A, now, with the given key digest. */
    private void bindReadCheck(PreparedStatement check, byte[] digest) throws SQLException {
        check.setObject(1, agent.agent().id().value());
        check.setBytes(2, digest);
        check.setObject(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        check.setBoolean(4, false);
    }

    private AgentPrincipal signIn() {
        return here.authenticateAgent().authenticate(agent.apiKey().reveal());
    }

    private String keyId() {
        return elsewhere.listApiKeys().list(owner, agent.agent().id().toString()).get(0).id().toString();
    }

    private void setStatus(String status) {
        elsewhere.updateAgent().update(owner, agent.agent().id().toString(), anAgentChange().withStatus(status).build());
    }

    private org.jooq.DSLContext dsl() {
        return ((JooqTransactions) herePersistence.transactions()).dsl();
    }

    private long count(String table) {
        return dsl().fetchSingle("select count(*) from " + table).get(0, Long.class);
    }

    private String titleAsSuperuser() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement s = connection.prepareStatement("select title from events where id = ?")) {
            s.setObject(1, event.id().value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long countOn(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select count(*) from " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static UseCases useCases(JooqPersistence p) {
        return useCases(p, new FakeSessionVerifier());
    }

    private static UseCases useCases(JooqPersistence p, FakeSessionVerifier sessions) {
        return UseCases.create(new Ports(p.transactions(), p.credentials(), p.users(), p.agents(), p.events(),
                p.documents(), p.subscriptions(), p.apiKeys(), p.audit(), p.idempotency(), p.processedWebhooks(),
                new SimpleRecurrenceExpander(), new TextFeedRenderer(), sessions),
                Settings.defaults());
    }

}

package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Change;
import org.agentworkspace.core.domain.ChangesPage;
import org.agentworkspace.core.domain.CursorExpired;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.fakes.AnyWebhookTarget;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.out.WebhookTransport;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.SyncPorts;
import org.agentworkspace.core.usecase.SyncSettings;
import org.agentworkspace.core.usecase.SyncUseCases;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log of V15 and {@code ListChanges} over it, on real PostgreSQL as the runtime role:
 * full sync then incremental, tombstones, agent-bound cursors, and — the point of the horizon —
 * no change lost or duplicated on a page boundary while writers commit out of order.
 */
class ChangeLogTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final Ownership ownership = new Ownership();
    private final RuntimeRoleFixture fixture = new RuntimeRoleFixture(ownership, T0);
    private final TestDatabases.Database database = fixture.database;
    private final JooqPersistence p = fixture.p;
    private SyncUseCases sync;
    private AgentPrincipal a;
    private AgentScope scopeA;
    private AgentPrincipal b;

    @BeforeEach
    void setUp() {
        UserId user = fixture.user("user_1");
        a = newAgent(user);
        scopeA = ownership.scopeFor(a, Scope.EVENTS_WRITE);
        b = newAgent(user);
        sync = syncOver(p);
    }

    @Test
    void aFullSyncListsEveryLiveObjectThenTheCursorYieldsOnlyWhatChangedAfter() {
        Event first = insertEvent(scopeA, "first");
        Event second = insertEvent(scopeA, "second");
        Document doc = insertDocument(scopeA, "notes");
        deleteEvent(scopeA, second);

        ChangesPage full = sync.listChanges().list(a, null, null);
        assertThat(full.changes()).extracting(Change::id)
                .containsExactly(first.id().value(), doc.id().value());
        assertThat(full.changes()).allSatisfy(c -> assertThat(c.deleted()).isFalse());
        assertThat(full.changes().get(1).document()).hasValueSatisfying(d -> assertThat(d.content()).isEmpty());
        assertThat(full.hasMore()).isFalse();

        assertThat(sync.listChanges().list(a, full.nextCursor(), null).changes()).isEmpty();

        Event third = insertEvent(scopeA, "third");
        updateEvent(scopeA, first, "first, renamed");
        deleteEvent(scopeA, third);
        ChangesPage next = sync.listChanges().list(a, full.nextCursor(), null);
        assertThat(next.changes()).extracting(Change::id, Change::deleted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id().value(), false),
                        org.assertj.core.groups.Tuple.tuple(third.id().value(), true));
        assertThat(next.changes().get(0).event()).hasValueSatisfying(
                e -> assertThat(e.data().title()).isEqualTo("first, renamed"));
    }

    @Test
    void anotherAgentsCursorAndAMadeUpOneAreRefusedAndRevealNothing() {
        insertEvent(scopeA, "secret of a");
        String cursorOfA = sync.listChanges().list(a, null, null).nextCursor();

        assertThatThrownBy(() -> sync.listChanges().list(b, cursorOfA, null)).isInstanceOf(CursorExpired.class);
        assertThatThrownBy(() -> sync.listChanges().list(a, "not-a-cursor", null)).isInstanceOf(CursorExpired.class);
        String tampered = (cursorOfA.charAt(5) == 'A' ? "B" : "A");
        assertThatThrownBy(() -> sync.listChanges().list(a,
                cursorOfA.substring(0, 5) + tampered + cursorOfA.substring(6), null)).isInstanceOf(CursorExpired.class);
        assertThat(sync.listChanges().list(b, null, null).changes()).isEmpty();
    }

    @Test
    void aCursorOlderThanItsLifetimeIsRefused() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC);
        String old = syncOver(p, past).listChanges().list(a, null, null).nextCursor();
        assertThatThrownBy(() -> sync.listChanges().list(a, old, null)).isInstanceOf(CursorExpired.class);
    }

    @Test
    void anOpenTransactionHoldsBackWhatCommittedAfterItUntilItCommits() throws SQLException {
        String start = sync.listChanges().list(a, null, null).nextCursor();
        try (Connection slow = database.runtimeDataSource().getConnection()) {
            slow.setAutoCommit(false);
            // A document: an event would hold the calendar row (V11) and make the second writer wait.
            UUID early = rawInsert(slow, a.agentId(), false);
            Event late = insertEvent(scopeA, "committed while the first is open");

            // The later write is committed, but a reader that took it now and moved on would skip
            // the earlier, still open one.
            ChangesPage meanwhile = sync.listChanges().list(a, start, null);
            assertThat(meanwhile.changes()).isEmpty();

            slow.commit();
            ChangesPage after = sync.listChanges().list(a, meanwhile.nextCursor(), null);
            assertThat(after.changes()).extracting(Change::id).containsExactly(early, late.id().value());
        }
    }

    @Test
    void noChangeIsLostOrDuplicatedOnAPageBoundaryUnderConcurrentWriters() throws Exception {
        int writers = 6;
        int perWriter = 40;
        Set<UUID> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            // Events of one agent queue on its calendar row (V11) at the end of each statement;
            // documents do not, so their writers commit in any order.
            boolean events = w % 3 == 0;
            done.add(pool.submit(() -> {
                try (Connection c = database.runtimeDataSource().getConnection()) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < perWriter; i++) {
                        // Each transaction takes its log position, then holds on a little before it
                        // commits, so transactions commit out of the order of their positions.
                        UUID id = rawInsert(c, a.agentId(), events);
                        Thread.sleep(ThreadLocalRandom.current().nextInt(4));
                        if (ThreadLocalRandom.current().nextInt(10) == 0) {
                            c.rollback();
                        } else {
                            c.commit();
                            written.add(id);
                        }
                    }
                }
                return null;
            }));
        }
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        Thread watcher = new Thread(() -> {
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            writing.set(false);
        });
        watcher.start();
        boolean lastRound = false;
        while (true) {
            ChangesPage page = sync.listChanges().list(a, cursor, "7");
            List<UUID> ids = page.changes().stream().map(Change::id).toList();
            assertThat(new HashSet<>(ids)).as("one page names an object once").hasSameSizeAs(ids);
            seen.addAll(ids);
            cursor = page.nextCursor();
            if (!page.hasMore() && lastRound) {
                break;
            }
            lastRound = !writing.get() && !page.hasMore();
        }
        watcher.join();
        pool.shutdown();
        for (Future<?> f : done) {
            f.get();
        }

        // Each object was written once, so each must be seen exactly once: none lost, none twice.
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(written);
    }

    @Test
    void deletingTheAgentRecordsNoTombstonesAndLeavesNoRows() throws SQLException {
        insertEvent(scopeA, "gone with the agent");
        assertThat(p.transactions().inTransaction(scopeA, () -> p.agents().delete(scopeA))).isTrue();
        try (Connection c = database.dataSource().getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from changes where agent_id = '" + a.agentId() + "'")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    @Test
    void tombstonesArePurgedAfterTheirRetentionAndLiveRowsNever() throws SQLException {
        Event kept = insertEvent(scopeA, "kept");
        Event removed = insertEvent(scopeA, "removed");
        deleteEvent(scopeA, removed);
        int purged = p.transactions().inSingleStatement(
                () -> p.changes().purgeTombstones(Instant.now().plus(Duration.ofMinutes(1)), 100));
        assertThat(purged).isEqualTo(1);
        assertThat(sync.listChanges().list(a, null, null).changes()).extracting(Change::id)
                .containsExactly(kept.id().value());
        assertThat(p.transactions().inSingleStatement(
                () -> p.changes().purgeTombstones(Instant.now().minus(Duration.ofDays(1)), 100))).isZero();
    }

    /** Inserts an event or a document in the connection's open transaction under the agent's scope. */
    private static UUID rawInsert(Connection c, AgentId agent, boolean event) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement scope = c.prepareStatement("select set_config('app.agent_id', ?, true)")) {
            scope.setString(1, agent.toString());
            scope.executeQuery().close();
        }
        String sql = event
                ? "insert into events (id, calendar_id, agent_id, title, start_at, end_at, all_day, version,"
                        + " created_at, updated_at) select ?, c.id, c.agent_id, 'raw', now(), now(), false, 1, now(),"
                        + " now() from calendars c where c.agent_id = ?"
                : "insert into documents (id, agent_id, title, type, content, version, created_at, updated_at)"
                        + " select ?, a.id, 'raw', 'markdown', '', 1, now(), now() from agents a where a.id = ?";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setObject(2, agent.value());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private SyncUseCases syncOver(JooqPersistence persistence) {
        return syncOver(persistence, Clock.systemUTC());
    }

    private SyncUseCases syncOver(JooqPersistence persistence, Clock clock) {
        byte[] key = persistence.serverSecret("sync-cursor", new SecureRandom().generateSeed(32));
        WebhookTransport nowhere = (url, headers, body) -> new WebhookTransport.Outcome(null, "not in this test");
        return SyncUseCases.create(new SyncPorts(persistence.transactions(), persistence.agents(), persistence.audit(),
                        persistence.changes(), persistence.changes(), persistence.webhooks(),
                        persistence.webhookOutbox(), new AnyWebhookTarget(), nowhere, message -> "{}"),
                new Settings(clock, new SecureRandom(), Duration.ofMinutes(15), Duration.ofHours(24)),
                SyncSettings.defaults(key));
    }

    private AgentPrincipal newAgent(UserId userId) {
        Agent agent = fixture.agentOf(userId);
        return ownership.agentPrincipal(new AgentCredential(agent.id(), AgentStatus.ACTIVE), T0);
    }

    private Event insertEvent(AgentScope scope, String title) {
        return fixture.insertEvent(scope, title);
    }

    private void updateEvent(AgentScope scope, Event event, String title) {
        EventData d = event.data();
        Event changed = new Event(event.id(), event.agentId(), new EventData(title, d.start(), d.end(), d.allDay(),
                d.description(), d.location(), d.rrule(), d.timezone(), d.color()), event.version() + 1,
                event.createdAt(), T0.plusSeconds(60));
        assertThat(p.transactions().inTransaction(scope, () -> p.events().update(scope, changed, event.version())))
                .isTrue();
    }

    private void deleteEvent(AgentScope scope, Event event) {
        assertThat(p.transactions().inTransaction(scope, () -> p.events().delete(scope, event.id()))).isTrue();
    }

    private Document insertDocument(AgentScope scope, String title) {
        Document d = new Document(DocumentId.random(), scope.agentId(), title, DocumentType.MARKDOWN, "# content", 1,
                T0, T0);
        p.transactions().inTransaction(scope, () -> {
            p.documents().insert(scope, d);
            return null;
        });
        return d;
    }
}

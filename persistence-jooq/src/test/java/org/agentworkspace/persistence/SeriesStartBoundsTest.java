package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The start bounds of V20 on PostgreSQL (issue 21): a window read does not even read the series
 * that ended before the window, and the migration bounds the rows that existed before it without
 * announcing a change.
 */
class SeriesStartBoundsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Pattern SERIES_INDEX_ROWS = Pattern.compile(
            "Bitmap Index Scan on events_agent_series_bounds_idx.*?\\(actual rows=([0-9.]+)");

    private final Ownership ownership = new Ownership();

    @Test
    void aWindowReadsTheSeriesThatReachItAndNoneThatEndedBefore() throws SQLException {
        TestDatabases.Database database = RuntimeRoleDatabases.fresh();
        JooqPersistence p = JooqPersistence.create(database.runtimeDataSource());
        AgentScope a = agent(p, "user_window");
        Instant from = T0.plus(200, ChronoUnit.DAYS);
        Instant before = from.plus(7, ChronoUnit.DAYS);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            // 3,000 series that all ended before the window, 1,000 that begin after it, 5 that reach
            // it (one of them only by an occurrence moved before its first), 4,000 one-offs around it.
            s.execute(bulk(a, "generate_series(1, 3000)", "'FREQ=WEEKLY;COUNT=4'",
                    "timestamptz '" + T0 + "' + g * interval '1 hour'", "start_at + interval '3 weeks'"));
            s.execute(bulk(a, "generate_series(1, 1000)", "'FREQ=WEEKLY'",
                    "timestamptz '" + before + "' + g * interval '1 hour'", "'infinity'"));
            s.execute(bulk(a, "generate_series(1, 4)", "'FREQ=DAILY'",
                    "timestamptz '" + T0 + "' + g * interval '1 day'", "'infinity'"));
            s.execute(bulk(a, "generate_series(1, 1)", "'FREQ=DAILY;COUNT=2'", "timestamptz '" + before + "'",
                    "start_at + interval '1 day'", "'" + from + "'"));
            s.execute(bulk(a, "generate_series(1, 4000)", "null",
                    "timestamptz '" + T0 + "' + g * interval '2 hours'", "start_at"));
            s.execute("analyze events");
        }

        assertThat(inScope(p, a, () -> p.events().candidatesForExpansion(a, from, before)))
                .as("the repository answers the reaching series and the window's one-offs only").hasSize(5 + 84);

        String plan = inScope(p, a, () -> explainAnalyze(p, JooqEventRepository.candidates(dsl(p), a, from, before)));
        LoggerFactory.getLogger(SeriesStartBoundsTest.class).info("Window candidates plan:\n{}", plan);
        assertThat(plan).contains("events_agent_series_bounds_idx").contains("events_agent_start_idx")
                .contains("BitmapOr").doesNotContain("Seq Scan on events");
        Matcher rows = SERIES_INDEX_ROWS.matcher(plan.replace('\n', ' '));
        assertThat(rows.find()).as(plan).isTrue();
        assertThat(Double.parseDouble(rows.group(1))).as("series index entries read").isEqualTo(5);
    }

    @Test
    void theMigrationBoundsWhatSqlCanTellAndLeavesTheRestUnbounded() throws SQLException {
        TestDatabases.Database database = TestDatabases.fresh("schema_before_v20", owner -> Flyway.configure()
                .dataSource(owner).locations("classpath:db/migration").target("19")
                .placeholders(Map.of(FlywayMigrations.RUNTIME_ROLE_PLACEHOLDER, TestDatabases.RUNTIME_ROLE))
                .load().migrate());
        // first_start/last_start by rule; every series starts at T0.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("FREQ=WEEKLY;UNTIL=20260401T070000Z", "2026-03-01T09:00:00Z/2026-04-01T07:00:00Z");
        expected.put("FREQ=DAILY;UNTIL=20260401", "2026-03-01T09:00:00Z/2026-04-03T00:00:00Z");
        expected.put("FREQ=DAILY;UNTIL=20260401T235959;BYHOUR=9", "2026-03-01T09:00:00Z/2026-04-03T00:00:00Z");
        expected.put("FREQ=WEEKLY;UNTIL=20260201T000000Z", "2026-03-01T09:00:00Z/2026-03-01T09:00:00Z");
        expected.put("FREQ=WEEKLY;COUNT=3", "2026-03-01T09:00:00Z/infinity");
        expected.put("FREQ=WEEKLY", "2026-03-01T09:00:00Z/infinity");
        DataSource superuser = database.dataSource();
        String agent = AgentId.random().value().toString();
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into users (id, created_at, updated_at) values ('user_old', now(), now())");
            s.execute("insert into agents (id, owner_id, name, timezone, status, created_at, updated_at) values ('"
                    + agent + "', 'user_old', 'old', 'UTC', 'active', now(), now())");
            s.execute("insert into calendars (id, agent_id, created_at) values (gen_random_uuid(), '" + agent + "', now())");
            for (String rule : expected.keySet()) {
                s.execute("insert into events (id, calendar_id, agent_id, title, start_at, end_at, all_day, rrule,"
                        + " version, created_at, updated_at) select gen_random_uuid(), c.id, c.agent_id, '" + rule
                        + "', '" + T0 + "', '" + T0.plusSeconds(1800) + "', false, '" + rule + "', 1, now(), now()"
                        + " from calendars c where c.agent_id = '" + agent + "'");
            }
            // An override moved past the rule's end (or before DTSTART) carries the bound; a cancellation does not.
            s.execute("insert into event_exceptions (event_id, agent_id, original_start, cancelled, start_at)"
                    + " select id, agent_id, '2026-03-08T09:00:00Z', false, '2026-06-01T09:00:00Z' from events"
                    + " where rrule = 'FREQ=WEEKLY;UNTIL=20260401T070000Z'");
            s.execute("insert into event_exceptions (event_id, agent_id, original_start, cancelled, start_at)"
                    + " select id, agent_id, '2026-03-08T09:00:00Z', false, '2026-02-01T09:00:00Z' from events"
                    + " where rrule = 'FREQ=WEEKLY'");
            s.execute("insert into event_exceptions (event_id, agent_id, original_start, cancelled)"
                    + " select id, agent_id, '2026-04-01T00:00:00Z', true from events where rrule = 'FREQ=DAILY;UNTIL=20260401'");
        }
        expected.put("FREQ=WEEKLY;UNTIL=20260401T070000Z", "2026-03-01T09:00:00Z/2026-06-01T09:00:00Z");
        expected.put("FREQ=WEEKLY", "2026-02-01T09:00:00Z/infinity");
        String changesBefore = single(superuser, "select count(*) || '/' || coalesce(max(seq), 0) from changes");
        String revisionBefore = single(superuser, "select events_revision from calendars where agent_id = '" + agent + "'");

        // As in production: the owner role migrates, and row-level security is forced on it.
        FlywayMigrations.migrate(database.ownerDataSource(), TestDatabases.RUNTIME_ROLE);

        for (Map.Entry<String, String> rule : expected.entrySet()) {
            assertThat(single(superuser, "select " + text("first_start") + " || '/' || " + text("last_start")
                    + " from events where rrule = '" + rule.getKey() + "'")).as(rule.getKey()).isEqualTo(rule.getValue());
        }
        assertThat(single(superuser, "select count(*) || '/' || coalesce(max(seq), 0) from changes"))
                .as("the backfill announced no change").isEqualTo(changesBefore);
        assertThat(single(superuser, "select events_revision from calendars where agent_id = '" + agent + "'"))
                .as("feeds need not be fetched again").isEqualTo(revisionBefore);
        assertThat(single(superuser, "select string_agg(relname || '=' || relforcerowsecurity, ',' order by relname)"
                + " from pg_class where relname in ('events', 'event_exceptions')"))
                .isEqualTo("event_exceptions=true,events=true");
        assertThat(single(superuser, "select count(*) from pg_trigger where tgrelid = 'events'::regclass"
                + " and not tgisinternal and tgenabled <> 'O'")).as("every trigger is on again").isEqualTo("0");
    }

    private static String bulk(AgentScope scope, String rows, String rrule, String start, String lastStart) {
        return bulk(scope, rows, rrule, start, lastStart, "start_at");
    }

    /** Rows as the core writes them: the start bounds are SQL expressions over the row's start_at. */
    private static String bulk(AgentScope scope, String rows, String rrule, String start, String lastStart,
                               String firstStart) {
        return "insert into events (id, calendar_id, agent_id, title, start_at, end_at, all_day, rrule, timezone,"
                + " version, created_at, updated_at, first_start, last_start)"
                + " select id, calendar_id, agent_id, 'bulk', start_at, start_at + interval '30 minutes', false, rrule,"
                + " timezone, 1, now(), now(), " + firstStart + ", " + lastStart + " from (select gen_random_uuid() as id, c.id as calendar_id,"
                + " c.agent_id, " + start + " as start_at, " + rrule + "::text as rrule,"
                + " case when " + rrule + "::text is null then null else 'UTC' end as timezone"
                + " from calendars c cross join " + rows + " g where c.agent_id = '" + scope.agentId().value() + "') r";
    }

    private AgentScope agent(JooqPersistence p, String user) {
        UserId userId = new UserId(user);
        p.transactions().inTransaction(() -> p.users().upsert(UserProfile.idOnly(userId), T0));
        OwnerScope owner = ownership.scopeFor(ownership.userPrincipal(userId));
        Agent agent = new Agent(AgentId.random(), userId, "A", null, ZoneId.of("UTC"), AgentStatus.ACTIVE, T0, T0);
        p.transactions().inTransaction(owner, () -> {
            p.agents().insert(owner, agent, new Calendar(CalendarId.random(), agent.id(), T0));
            return null;
        });
        return ownership.scopeFor(ownership.userPrincipal(userId), agent, Access.WRITE);
    }

    private static <T> T inScope(JooqPersistence p, AgentScope scope, Supplier<T> work) {
        return p.transactions().inTransaction(scope, work);
    }

    private static DSLContext dsl(JooqPersistence p) {
        return ((JooqTransactions) p.transactions()).dsl();
    }

    private static String explainAnalyze(JooqPersistence p, org.jooq.Query query) {
        return String.join("\n", dsl(p).fetch("explain (analyze, costs off, timing off, summary off) "
                + dsl(p).renderInlined(query)).getValues(0, String.class));
    }

    private static String text(String column) {
        return "case when " + column + " in ('infinity', '-infinity') then " + column + "::text else to_char(" + column
                + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') end";
    }

    private static String single(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}

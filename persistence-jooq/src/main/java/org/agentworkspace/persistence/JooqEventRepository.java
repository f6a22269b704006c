package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.CALENDARS;
import static org.agentworkspace.persistence.generated.Tables.EVENTS;
import static org.agentworkspace.persistence.generated.Tables.EVENT_EXCEPTIONS;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.CalendarFingerprint;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.EventWindow;
import org.agentworkspace.core.port.out.StartBounds;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Events of the scope's agent; every statement carries {@code agent_id = <scope>}. A series'
 * exceptions (V14) are read with it: one query for all series of a read, none when the read
 * holds no series.
 */
public final class JooqEventRepository implements EventRepository {
    /** Rows per round trip while streaming a feed: memory stays flat whatever the calendar's size. */
    private static final int STREAM_FETCH_SIZE = 500;
    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** Unbounded start bounds, as V20 stores them. */
    private static final org.jooq.Field<Instant> NO_FIRST_START =
            DSL.field("timestamptz '-infinity'", EVENTS.FIRST_START.getDataType());
    private static final org.jooq.Field<Instant> NO_LAST_START =
            DSL.field("timestamptz 'infinity'", EVENTS.LAST_START.getDataType());

    private final JooqTransactions tx;

    public JooqEventRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    private static Condition inScope(AgentScope scope) {
        return EVENTS.AGENT_ID.eq(scope.agentId().value());
    }

    @Override
    public void insert(AgentScope scope, Event event, StartBounds bounds) {
        try {
            insertInCalendar(scope, event, bounds);
        } catch (org.jooq.exception.DataAccessException e) {
            if (NOT_NULL_VIOLATION.equals(e.sqlState())) {
                // The calendar subselect found nothing: the agent was deleted by a concurrent request.
                throw new org.agentworkspace.core.domain.NotFound("Agent");
            }
            throw e;
        }
    }

    private void insertInCalendar(AgentScope scope, Event event, StartBounds bounds) {
        EventData d = event.data();
        tx.dsl().insertInto(EVENTS)
                .set(EVENTS.ID, event.id().value())
                .set(EVENTS.AGENT_ID, scope.agentId().value())
                .set(EVENTS.CALENDAR_ID, DSL.select(CALENDARS.ID).from(CALENDARS)
                        .where(CALENDARS.AGENT_ID.eq(scope.agentId().value())))
                .set(dataColumns(d))
                .set(boundColumns(bounds))
                .set(EVENTS.VERSION, event.version())
                .set(EVENTS.CREATED_AT, event.createdAt())
                .set(EVENTS.UPDATED_AT, event.updatedAt())
                .execute();
    }

    @Override
    public Optional<Event> find(AgentScope scope, EventId id) {
        List<Event> found = events(tx.dsl().select(COLUMNS).from(EVENTS).where(inScope(scope))
                .and(EVENTS.ID.eq(id.value())));
        return withExceptions(scope, found).stream().findFirst();
    }

    @Override
    public List<Event> list(AgentScope scope, EventWindow window) {
        Condition condition = inScope(scope);
        if (window.startAfter() != null) {
            condition = condition.and(EVENTS.START_AT.ge(window.startAfter()));
        }
        if (window.startBefore() != null) {
            condition = condition.and(EVENTS.START_AT.lt(window.startBefore()));
        }
        return withExceptions(scope, events(tx.dsl().select(COLUMNS).from(EVENTS).where(condition)
                .orderBy(EVENTS.START_AT, EVENTS.ID).limit(window.limit()).offset(window.offset())));
    }

    /**
     * Two halves PostgreSQL answers from two indexes and ORs (V20): events starting in the window
     * ({@code events_agent_start_idx}), and series whose start bounds reach it
     * ({@code events_agent_series_bounds_idx}). Windows compare starts (API.md, "Precise
     * semantics"), so an event's length plays no part: a series whose last start lies before the
     * window, or whose first start (DTSTART, or an occurrence moved before it) lies at or after its
     * end, has no occurrence in it.
     */
    @Override
    public List<Event> candidatesForExpansion(AgentScope scope, Instant from, Instant before) {
        return withExceptions(scope, events(candidates(tx.dsl(), scope, from, before)));
    }

    /** The statement {@link #candidatesForExpansion} runs; its plan is tested (SeriesStartBoundsTest). */
    static ResultQuery<?> candidates(DSLContext dsl, AgentScope scope, Instant from, Instant before) {
        return dsl.select(COLUMNS).from(EVENTS)
                .where(inScope(scope))
                .and(EVENTS.START_AT.ge(from).and(EVENTS.START_AT.lt(before))
                        .or(EVENTS.RRULE.isNotNull().and(EVENTS.LAST_START.ge(from))
                                .and(EVENTS.FIRST_START.lt(before))))
                .orderBy(EVENTS.START_AT, EVENTS.ID);
    }

    /** The bound columns of an event; an unbounded side is stored as {@code -infinity} / {@code infinity}. */
    private static java.util.Map<org.jooq.Field<?>, Object> boundColumns(StartBounds bounds) {
        java.util.Map<org.jooq.Field<?>, Object> columns = new java.util.LinkedHashMap<>();
        columns.put(EVENTS.FIRST_START,
                bounds.first() == null ? NO_FIRST_START : DSL.val(bounds.first(), EVENTS.FIRST_START));
        columns.put(EVENTS.LAST_START,
                bounds.last() == null ? NO_LAST_START : DSL.val(bounds.last(), EVENTS.LAST_START));
        return columns;
    }

    @Override
    public boolean update(AgentScope scope, Event event, long expectedVersion, StartBounds bounds) {
        EventData d = event.data();
        return tx.dsl().update(EVENTS)
                .set(dataColumns(d))
                .set(boundColumns(bounds))
                .set(EVENTS.VERSION, event.version())
                .set(EVENTS.UPDATED_AT, event.updatedAt())
                .where(inScope(scope))
                .and(EVENTS.ID.eq(event.id().value()))
                .and(EVENTS.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    @Override
    public boolean delete(AgentScope scope, EventId id) {
        return tx.dsl().deleteFrom(EVENTS).where(inScope(scope)).and(EVENTS.ID.eq(id.value())).execute() == 1;
    }

    @Override
    public void forEach(AgentScope scope, Consumer<Event> sink) {
        // The calendar's exceptions are read first (few, and one query), so the stream stays one cursor.
        Map<UUID, List<EventException>> exceptions = exceptions(inExceptionScope(scope));
        Consumer<Event> attach = exceptions.isEmpty() ? sink : event -> sink.accept(attached(event, exceptions));
        read(tx.dsl().select(COLUMNS).from(EVENTS).where(inScope(scope)).orderBy(EVENTS.START_AT, EVENTS.ID)
                .fetchSize(STREAM_FETCH_SIZE), attach);
    }

    /*
     * Events are read as plain JDBC rows: mapping a feed's 10,000 rows through jOOQ records cost
     * a tenth of the feed's CPU. Timestamps stay timestamptz on the wire: converting them to epoch
     * microseconds in SQL cost PostgreSQL ≈ 1 µs per row in numeric arithmetic, more than pgjdbc
     * spends reading them.
     */
    private static final List<SelectField<?>> COLUMNS = List.of(EVENTS.ID, EVENTS.AGENT_ID, EVENTS.TITLE,
            EVENTS.START_AT, EVENTS.END_AT, EVENTS.ALL_DAY, EVENTS.DESCRIPTION, EVENTS.LOCATION, EVENTS.RRULE,
            EVENTS.TIMEZONE, EVENTS.COLOR, EVENTS.VERSION, EVENTS.CREATED_AT, EVENTS.UPDATED_AT);

    private static List<Event> events(ResultQuery<?> query) {
        List<Event> events = new ArrayList<>();
        read(query, events::add);
        return events;
    }

    private static void read(ResultQuery<?> query, Consumer<Event> sink) {
        try (ResultSet rows = query.fetchResultSet()) {
            while (rows.next()) {
                sink.accept(event(rows));
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading events failed: " + e.getMessage(), e);
        }
    }

    private static Event event(ResultSet r) throws SQLException {
        String timezone = r.getString(10);
        EventData data = new EventData(r.getString(3), instant(r, 4), instant(r, 5), r.getBoolean(6),
                r.getString(7), r.getString(8), r.getString(9), timezone == null ? null : ZoneId.of(timezone),
                r.getString(11));
        return new Event(new EventId(r.getObject(1, UUID.class)), new AgentId(r.getObject(2, UUID.class)), data,
                r.getLong(12), instant(r, 13), instant(r, 14));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The calendar row's revision and last change, kept by triggers on every event write (V11). */
    @Override
    public CalendarFingerprint fingerprint(AgentScope scope) {
        Record2<Long, Instant> r = tx.dsl().select(CALENDARS.EVENTS_REVISION, CALENDARS.EVENTS_CHANGED_AT)
                .from(CALENDARS).where(CALENDARS.AGENT_ID.eq(scope.agentId().value())).fetchOne();
        return r == null ? new CalendarFingerprint(0, null) : new CalendarFingerprint(r.value1(), r.value2());
    }

    @Override
    public Set<ZoneId> zonesInUse(AgentScope scope) {
        return tx.dsl().selectDistinct(EVENTS.TIMEZONE).from(EVENTS)
                .where(inScope(scope)).and(EVENTS.TIMEZONE.isNotNull())
                .fetch(EVENTS.TIMEZONE).stream().map(ZoneId::of).collect(Collectors.toUnmodifiableSet());
    }

    /** The writable columns of an event, the same for insert and update. */
    private static java.util.Map<org.jooq.Field<?>, Object> dataColumns(EventData d) {
        java.util.Map<org.jooq.Field<?>, Object> columns = new java.util.LinkedHashMap<>();
        columns.put(EVENTS.TITLE, d.title());
        columns.put(EVENTS.START_AT, d.start());
        columns.put(EVENTS.END_AT, d.end());
        columns.put(EVENTS.ALL_DAY, d.allDay());
        columns.put(EVENTS.DESCRIPTION, d.description());
        columns.put(EVENTS.LOCATION, d.location());
        columns.put(EVENTS.RRULE, d.rrule());
        columns.put(EVENTS.TIMEZONE, d.timezone() == null ? null : d.timezone().getId());
        columns.put(EVENTS.COLOR, d.color());
        return columns;
    }

    private static Condition inExceptionScope(AgentScope scope) {
        return EVENT_EXCEPTIONS.AGENT_ID.eq(scope.agentId().value());
    }

    @Override
    public void saveException(AgentScope scope, EventId id, EventException e) {
        try {
            tx.dsl().insertInto(EVENT_EXCEPTIONS)
                    .set(EVENT_EXCEPTIONS.EVENT_ID, id.value())
                    .set(EVENT_EXCEPTIONS.AGENT_ID, scope.agentId().value())
                    .set(EVENT_EXCEPTIONS.ORIGINAL_START, e.originalStart())
                    .set(exceptionColumns(e))
                    .onConflict(EVENT_EXCEPTIONS.EVENT_ID, EVENT_EXCEPTIONS.ORIGINAL_START)
                    .doUpdate()
                    .set(exceptionColumns(e))
                    .where(inExceptionScope(scope))
                    .execute();
        } catch (DataAccessException failure) {
            if (FOREIGN_KEY_VIOLATION.equals(failure.sqlState())) {
                // The series is gone (deleted meanwhile) or is not this agent's.
                throw new org.agentworkspace.core.domain.NotFound("Event");
            }
            throw failure;
        }
    }

    @Override
    public boolean removeException(AgentScope scope, EventId id, Instant originalStart) {
        return tx.dsl().deleteFrom(EVENT_EXCEPTIONS).where(inExceptionScope(scope))
                .and(EVENT_EXCEPTIONS.EVENT_ID.eq(id.value()))
                .and(EVENT_EXCEPTIONS.ORIGINAL_START.eq(originalStart)).execute() == 1;
    }

    @Override
    public void discardExceptions(AgentScope scope, EventId id, Instant from) {
        Condition condition = inExceptionScope(scope).and(EVENT_EXCEPTIONS.EVENT_ID.eq(id.value()));
        if (from != null) {
            condition = condition.and(EVENT_EXCEPTIONS.ORIGINAL_START.ge(from));
        }
        tx.dsl().deleteFrom(EVENT_EXCEPTIONS).where(condition).execute();
    }

    private static java.util.Map<org.jooq.Field<?>, Object> exceptionColumns(EventException e) {
        java.util.Map<org.jooq.Field<?>, Object> columns = new java.util.LinkedHashMap<>();
        columns.put(EVENT_EXCEPTIONS.CANCELLED, e.cancelled());
        columns.put(EVENT_EXCEPTIONS.TITLE, e.title());
        columns.put(EVENT_EXCEPTIONS.START_AT, e.start());
        columns.put(EVENT_EXCEPTIONS.END_AT, e.end());
        columns.put(EVENT_EXCEPTIONS.DESCRIPTION, e.description());
        columns.put(EVENT_EXCEPTIONS.LOCATION, e.location());
        columns.put(EVENT_EXCEPTIONS.COLOR, e.color());
        return columns;
    }

    /** {@code events} with their exceptions; the list itself when none of them is a series. */
    private List<Event> withExceptions(AgentScope scope, List<Event> events) {
        List<UUID> series = new ArrayList<>();
        for (Event event : events) {
            if (event.data().recurring()) {
                series.add(event.id().value());
            }
        }
        if (series.isEmpty()) {
            return events;
        }
        Map<UUID, List<EventException>> exceptions = exceptions(inExceptionScope(scope)
                .and(EVENT_EXCEPTIONS.EVENT_ID.eq(DSL.any(series.toArray(UUID[]::new)))));
        if (exceptions.isEmpty()) {
            return events;
        }
        List<Event> result = new ArrayList<>(events.size());
        for (Event event : events) {
            result.add(attached(event, exceptions));
        }
        return result;
    }

    private static Event attached(Event event, Map<UUID, List<EventException>> exceptions) {
        List<EventException> own = exceptions.get(event.id().value());
        return own == null ? event : event.withExceptions(own);
    }

    private Map<UUID, List<EventException>> exceptions(Condition condition) {
        Map<UUID, List<EventException>> byEvent = new HashMap<>();
        tx.dsl().select(EVENT_EXCEPTIONS.EVENT_ID, EVENT_EXCEPTIONS.ORIGINAL_START, EVENT_EXCEPTIONS.CANCELLED,
                        EVENT_EXCEPTIONS.TITLE, EVENT_EXCEPTIONS.START_AT, EVENT_EXCEPTIONS.END_AT,
                        EVENT_EXCEPTIONS.DESCRIPTION, EVENT_EXCEPTIONS.LOCATION, EVENT_EXCEPTIONS.COLOR)
                .from(EVENT_EXCEPTIONS).where(condition)
                .orderBy(EVENT_EXCEPTIONS.EVENT_ID, EVENT_EXCEPTIONS.ORIGINAL_START)
                .forEach(r -> byEvent.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new EventException(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                                r.value7(), r.value8(), r.value9())));
        return byEvent;
    }
}

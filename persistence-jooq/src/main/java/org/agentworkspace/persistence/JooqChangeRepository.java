package org.agentworkspace.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Change;
import org.agentworkspace.core.domain.ChangePosition;
import org.agentworkspace.core.domain.ChangedObject;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.ChangeLogPurge;
import org.agentworkspace.core.port.out.ChangeRepository;
import org.jooq.exception.DataAccessException;

/**
 * The change log of V15, read with the objects' current rows in one statement, so the state and
 * the position come from one snapshot. Every statement carries {@code agent_id = <scope>}.
 */
public final class JooqChangeRepository implements ChangeRepository, ChangeLogPurge {
    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text";

    /*
     * The horizon is computed in the statement itself: a row below it was written by a transaction
     * that has ended, and whatever commits later has a txid at or above it (V15 explains the order).
     */
    private static final String PAGE = """
            select c.object_type, c.object_id, c.deleted, c.at, c.txid::text, c.seq,
                   e.id, e.title, e.start_at, e.end_at, e.all_day, e.description, e.location, e.rrule,
                   e.timezone, e.color, e.version, e.created_at, e.updated_at,
                   d.id, d.title, d.type, d.version, d.created_at, d.updated_at
              from changes c
              left join events e on c.object_type = 'event' and e.id = c.object_id and e.agent_id = c.agent_id
              left join documents d on c.object_type = 'document' and d.id = c.object_id and d.agent_id = c.agent_id
             where c.agent_id = ?
               and (c.txid, c.seq) > (?::text::xid8, ?)
               and c.txid < pg_snapshot_xmin(pg_current_snapshot())
               and not (c.deleted and c.txid < ?::text::xid8)
             order by c.txid, c.seq
             limit ?""";

    private final JooqTransactions tx;

    public JooqChangeRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public long horizon(AgentScope scope) {
        return Long.parseUnsignedLong(tx.dsl().resultQuery(HORIZON).fetchOne(0, String.class));
    }

    @Override
    public List<Change> page(AgentScope scope, ChangePosition after, long deletionsFrom, int limit) {
        List<Change> changes = new ArrayList<>();
        try (ResultSet r = tx.dsl().resultQuery(PAGE, scope.agentId().value(), Long.toUnsignedString(after.txid()),
                after.seq(), Long.toUnsignedString(deletionsFrom), limit).fetchResultSet()) {
            while (r.next()) {
                changes.add(change(scope, r));
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading changes failed: " + e.getMessage(), e);
        }
        return changes;
    }

    private static Change change(AgentScope scope, ResultSet r) throws SQLException {
        ChangedObject type = r.getString(1).equals("event") ? ChangedObject.EVENT : ChangedObject.DOCUMENT;
        UUID id = r.getObject(2, UUID.class);
        ChangePosition position = new ChangePosition(Long.parseUnsignedLong(r.getString(5)), r.getLong(6));
        Optional<Event> event = Optional.empty();
        Optional<Document> document = Optional.empty();
        if (!r.getBoolean(3)) {
            if (type == ChangedObject.EVENT && r.getObject(7) != null) {
                String zone = r.getString(15);
                event = Optional.of(new Event(new EventId(id), scope.agentId(),
                        new EventData(r.getString(8), instant(r, 9), instant(r, 10), r.getBoolean(11), r.getString(12),
                                r.getString(13), r.getString(14), zone == null ? null : ZoneId.of(zone),
                                r.getString(16)),
                        r.getLong(17), instant(r, 18), instant(r, 19)));
            } else if (type == ChangedObject.DOCUMENT && r.getObject(20) != null) {
                document = Optional.of(new Document(new DocumentId(id), scope.agentId(), r.getString(21),
                        DocumentType.fromWire(r.getString(22)).orElseThrow(), "", r.getLong(23), instant(r, 24),
                        instant(r, 25)));
            }
        }
        // One snapshot holds the log row and the object row, so "upserted without a row" cannot
        // happen; were it to, announcing a deletion is the answer that cannot mislead.
        boolean deleted = event.isEmpty() && document.isEmpty();
        return new Change(type, id, deleted, instant(r, 4), position, event, document);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public int purgeTombstones(Instant before, int limit) {
        Integer purged = tx.dsl().resultQuery("select aw_purge_tombstones(?::timestamptz, ?)",
                OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC), limit).fetchOne(0, Integer.class);
        return purged == null ? 0 : purged;
    }
}

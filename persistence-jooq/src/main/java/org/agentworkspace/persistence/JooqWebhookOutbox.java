package org.agentworkspace.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.WebhookEventType;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.domain.WebhookMessage;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.port.out.WebhookOutbox;
import org.jooq.exception.DataAccessException;

/**
 * The outbox of V16, across all agents, reached only through its definer functions (the sender
 * has no scope). The snapshot each message holds is turned back into a row of events or documents
 * by PostgreSQL itself ({@code jsonb_populate_record}), so it is read exactly like a stored row.
 */
public final class JooqWebhookOutbox implements WebhookOutbox {
    private static final String CLAIM = """
            select m.id, m.agent_id, m.endpoint_id, m.url, m.secret, m.type, m.object_id, m.created_at, m.attempts,
                   e.title, e.start_at, e.end_at, e.all_day, e.description, e.location, e.rrule, e.timezone,
                   e.color, e.version, e.created_at, e.updated_at,
                   d.title, d.type, d.version, d.created_at, d.updated_at
              from aw_claim_webhook_messages(?::timestamptz, ?::interval, ?) m
              left join lateral jsonb_populate_record(null::events,
                        case when m.type like 'event.%' then m.snapshot end) e on true
              left join lateral jsonb_populate_record(null::documents,
                        case when m.type like 'document.%' then m.snapshot end) d on true""";

    private final JooqTransactions tx;

    public JooqWebhookOutbox(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<WebhookMessage> claim(Instant now, Duration lease, int limit) {
        List<WebhookMessage> claimed = new ArrayList<>();
        try (ResultSet r = tx.dsl().resultQuery(CLAIM, utc(now), lease.toMillis() + " milliseconds", limit)
                .fetchResultSet()) {
            while (r.next()) {
                claimed.add(message(r));
            }
        } catch (SQLException e) {
            throw new DataAccessException("Claiming webhook messages failed: " + e.getMessage(), e);
        }
        return claimed;
    }

    private static WebhookMessage message(ResultSet r) throws SQLException {
        UUID objectId = r.getObject(7, UUID.class);
        AgentId agent = new AgentId(r.getObject(2, UUID.class));
        WebhookEventType type = WebhookEventType.fromWire(r.getString(6)).orElseThrow();
        Optional<Event> event = Optional.empty();
        Optional<Document> document = Optional.empty();
        if (!type.isDeletion() && type.isAboutEvents()) {
            String zone = r.getString(17);
            event = Optional.of(new Event(new EventId(objectId), agent,
                    new EventData(r.getString(10), instant(r, 11), instant(r, 12), r.getBoolean(13), r.getString(14),
                            r.getString(15), r.getString(16), zone == null ? null : ZoneId.of(zone), r.getString(18)),
                    r.getLong(19), instant(r, 20), instant(r, 21)));
        } else if (!type.isDeletion()) {
            document = Optional.of(new Document(new DocumentId(objectId), agent, r.getString(22),
                    DocumentType.fromWire(r.getString(23)).orElseThrow(), "", r.getLong(24), instant(r, 25),
                    instant(r, 26)));
        }
        return new WebhookMessage(r.getObject(1, UUID.class), agent, new WebhookId(r.getObject(3, UUID.class)),
                URI.create(r.getString(4)), WebhookSecret.of(r.getString(5)), type, objectId, event, document,
                instant(r, 8), r.getInt(9));
    }

    @Override
    public boolean record(UUID messageId, Instant now, Integer statusCode, boolean succeeded, Instant nextAttemptAt,
                          Duration disableAfter) {
        Boolean disabled = tx.dsl().resultQuery("select aw_record_webhook_attempt(?::uuid, ?::timestamptz,"
                        + " ?::integer, ?::boolean, ?::timestamptz, ?::interval)",
                messageId, utc(now), statusCode, succeeded, nextAttemptAt == null ? null : utc(nextAttemptAt),
                disableAfter.toMillis() + " milliseconds").fetchOne(0, Boolean.class);
        return Boolean.TRUE.equals(disabled);
    }

    @Override
    public int purgeFinished(Instant before, int limit) {
        Integer purged = tx.dsl().resultQuery("select aw_purge_webhook_messages(?::timestamptz, ?)", utc(before), limit)
                .fetchOne(0, Integer.class);
        return purged == null ? 0 : purged;
    }

    @Override
    public long pending() {
        Long depth = tx.dsl().resultQuery("select aw_webhook_queue_depth()").fetchOne(0, Long.class);
        return depth == null ? 0 : depth;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

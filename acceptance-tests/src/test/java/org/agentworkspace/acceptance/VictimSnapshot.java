package org.agentworkspace.acceptance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every database row a user owns (the user, their agents and everything hanging off those agents),
 * as text, read over SQL straight from PostgreSQL as the superuser. Two snapshots are equal exactly
 * when no byte of the victim's data changed. {@link #ofAgent} narrows it to the user and one agent, for
 * attacks by a sibling agent whose own writes legitimately change the user's other rows.
 */
final class VictimSnapshot {
    private static final List<String> QUERIES = List.of(
            "select row_to_json(t)::text from users t where id = ?",
            "select row_to_json(t)::text from user_tombstones t where id = ?",
            "select row_to_json(t)::text from agents t where owner_id = ?",
            "select row_to_json(t)::text from calendars t where agent_id in (select id from agents where owner_id = ?)",
            "select row_to_json(t)::text from events t where agent_id in (select id from agents where owner_id = ?)",
            "select row_to_json(t)::text from documents t where agent_id in (select id from agents where owner_id = ?)",
            "select row_to_json(t)::text from subscriptions t where agent_id in (select id from agents where owner_id = ?)",
            "select row_to_json(t)::text from api_keys t where agent_id in (select id from agents where owner_id = ?)",
            "select row_to_json(t)::text from audit_entries t where agent_id in (select id from agents where owner_id = ?)",
            "select row_to_json(t)::text from idempotency_records t where agent_id in (select id from agents where owner_id = ?)");

    private VictimSnapshot() {
    }

    static List<String> of(PostgresServer postgres, String userId) {
        return read(postgres, QUERIES, userId);
    }

    /** The user's own rows and every row of one of their agents. */
    static List<String> ofAgent(PostgresServer postgres, String userId, String agentId) {
        List<String> rows = new ArrayList<>(read(postgres, QUERIES.subList(0, 2), userId));
        List<String> agentQueries = QUERIES.subList(2, QUERIES.size()).stream()
                .map(q -> q.replace("where owner_id = ?", "where id = ?::uuid")).toList();
        rows.addAll(read(postgres, agentQueries, agentId));
        return rows;
    }

    private static List<String> read(PostgresServer postgres, List<String> queries, String parameter) {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.connect()) {
            for (String query : queries) {
                try (PreparedStatement s = c.prepareStatement(query + " order by 1")) {
                    s.setString(1, parameter);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}

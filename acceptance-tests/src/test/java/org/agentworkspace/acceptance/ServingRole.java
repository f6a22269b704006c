package org.agentworkspace.acceptance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's guard that the proof runs with the database's wall up: every session the jar holds on
 * the application database belongs to the expected runtime role, and that role is no superuser, has no
 * BYPASSRLS and owns no table — so row-level security filters every statement the attacks cause. Read
 * from {@code pg_stat_activity} as the superuser right after the jar started, so a stack that one day
 * hands the jar a privileged URL fails here instead of quietly proving less.
 */
final class ServingRole {
    /** The migration sessions (as the owner) close just before the jar serves; they may linger a moment. */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private ServingRole() {
    }

    /** @param superuser a superuser connection to the jar's database (any other is filtered by pg_stat_activity) */
    static void assertServingAs(Connection superuser, String runtimeRole) throws SQLException {
        List<String> sessions;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        do {
            sessions = jarSessions(superuser);
            if (!sessions.isEmpty() && sessions.stream().allMatch(s -> s.equals(runtimeRole + " super=false bypassrls=false"))) {
                break;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        if (sessions.isEmpty() || !sessions.stream().allMatch(s -> s.equals(runtimeRole + " super=false bypassrls=false"))) {
            throw new AssertionError("The jar must hold its database sessions as the unprivileged runtime role "
                    + runtimeRole + "; its sessions are " + sessions);
        }
        List<String> owned = query(superuser, "select c.relname from pg_class c join pg_roles r on r.oid = c.relowner"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and r.rolname = ?", runtimeRole);
        if (!owned.isEmpty()) {
            throw new AssertionError("The runtime role " + runtimeRole + " owns " + owned + ": an owner is exempt from row-level security");
        }
        List<String> unforced = query(superuser, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and c.relkind = 'r' and c.relname in ('agents', 'events', 'documents', 'subscriptions')"
                + " and not (c.relrowsecurity and c.relforcerowsecurity)");
        if (!unforced.isEmpty()) {
            throw new AssertionError("Row-level security is not enabled and forced on " + unforced);
        }
    }

    /** One line per session of another backend on this database: its role and the role's privileges. */
    private static List<String> jarSessions(Connection superuser) throws SQLException {
        return query(superuser, "select a.usename || ' super=' || r.rolsuper || ' bypassrls=' || r.rolbypassrls"
                + " from pg_stat_activity a join pg_roles r on r.oid = a.usesysid"
                + " where a.datname = current_database() and a.backend_type = 'client backend'"
                + " and a.pid <> pg_backend_pid() order by 1");
    }

    private static List<String> query(Connection c, String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the jar's sessions", e);
        }
    }
}

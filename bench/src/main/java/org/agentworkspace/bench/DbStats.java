package org.agentworkspace.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What PostgreSQL itself counted in a window, from {@code pg_stat_statements} (statements and
 * their execution and planning time, exact: updated as each statement ends) and
 * {@code pg_stat_user_functions} ({@code track_functions = all}; a backend flushes these at most
 * once a second, so a window's function figures are good to about a second of work at each
 * end). Both are reset right before the window and read right after it.
 *
 * <p>The extension lives in the {@code postgres} database, so nothing is added to the product's
 * schema; its view covers the whole cluster and is filtered to the product's database. With
 * {@code pg_stat_statements.track = all} the statements that functions run are counted too, as
 * not {@code toplevel}: the top-level ones are what clients sent (their time includes the nested
 * ones).
 */
final class DbStats implements AutoCloseable {
    /** Settings written with {@code ALTER SYSTEM}; they take effect at the server's next start. */
    static final String[][] SETTINGS = {
        {"shared_preload_libraries", "pg_stat_statements"},
        {"pg_stat_statements.track", "all"},
        {"pg_stat_statements.track_planning", "on"},
        {"pg_stat_statements.max", "10000"},
        {"track_functions", "all"},
    };
    private static final String DATABASE = "agentworkspace";
    private final Connection cluster;
    private final Connection product;

    /** One statement's figures in a window. */
    record Query(boolean toplevel, long calls, double execMs, double planMs, long rows, String query) {
    }

    /** One function's figures in a window. */
    record Function(String name, long calls, double totalMs, double selfMs) {
    }

    /** A window's statements and functions. */
    record Window(List<Query> statements, List<Function> functions) {
        long topCalls() {
            return statements.stream().filter(Query::toplevel).mapToLong(Query::calls).sum();
        }

        long nestedCalls() {
            return statements.stream().filter(s -> !s.toplevel()).mapToLong(Query::calls).sum();
        }

        double topExecMs() {
            return statements.stream().filter(Query::toplevel).mapToDouble(Query::execMs).sum();
        }

        double topPlanMs() {
            return statements.stream().filter(Query::toplevel).mapToDouble(Query::planMs).sum();
        }

        long functionCalls() {
            return functions.stream().mapToLong(Function::calls).sum();
        }
    }

    private DbStats(Connection cluster, Connection product) {
        this.cluster = cluster;
        this.product = product;
    }

    /** Writes {@link #SETTINGS}; the caller restarts the server. */
    static void configure(String superuserUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); Statement s = c.createStatement()) {
            for (String[] setting : SETTINGS) {
                s.execute("alter system set " + setting[0] + " = '" + setting[1] + "'");
            }
        }
    }

    /** Connects after the restart and creates the extension in the {@code postgres} database. */
    static DbStats open(int port, String superuserPassword) throws SQLException {
        String base = "jdbc:postgresql://localhost:" + port + "/";
        String credentials = "?user=postgres&password=" + superuserPassword + "&ApplicationName=bench-stats";
        Connection cluster = DriverManager.getConnection(base + "postgres" + credentials);
        try (Statement s = cluster.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            try (ResultSet r = s.executeQuery("show shared_preload_libraries")) {
                r.next();
                if (!r.getString(1).contains("pg_stat_statements")) {
                    throw new IllegalStateException("pg_stat_statements is not loaded: " + r.getString(1));
                }
            }
        }
        return new DbStats(cluster, DriverManager.getConnection(base + DATABASE + credentials));
    }

    void reset() throws SQLException {
        try (Statement s = product.createStatement()) {
            s.execute("select pg_stat_reset()");
        }
        try (Statement s = cluster.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    Window read() throws SQLException {
        List<Query> statements = new ArrayList<>();
        try (Statement s = cluster.createStatement();
             ResultSet r = s.executeQuery("""
                     select s.toplevel, s.calls, s.total_exec_time, s.total_plan_time, s.rows,
                            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 200)
                       from pg_stat_statements s join pg_database d on d.oid = s.dbid
                      where d.datname = '""" + DATABASE + "'")) {
            while (r.next()) {
                statements.add(new Query(r.getBoolean(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                        r.getLong(5), r.getString(6)));
            }
        }
        List<Function> functions = new ArrayList<>();
        try (Statement s = product.createStatement();
             ResultSet r = s.executeQuery("select schemaname || '.' || funcname, calls, total_time, self_time"
                     + " from pg_stat_user_functions")) {
            while (r.next()) {
                functions.add(new Function(r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4)));
            }
        }
        statements.sort(Comparator.comparingDouble((Query x) -> -(x.execMs() + x.planMs())));
        functions.sort(Comparator.comparingDouble((Function x) -> -x.totalMs()));
        return new Window(List.copyOf(statements), List.copyOf(functions));
    }

    @Override
    public void close() throws SQLException {
        try {
            cluster.close();
        } finally {
            product.close();
        }
    }
}

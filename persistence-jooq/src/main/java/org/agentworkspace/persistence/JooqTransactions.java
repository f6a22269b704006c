package org.agentworkspace.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.port.out.Transactions;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * One jOOQ transaction per use-case call, its {@link DSLContext} kept for the thread so the
 * repositories run inside it, and nested calls for the same scope join it (for another scope they
 * are refused); a single unscoped statement runs without one. Each transaction first states its
 * scope in {@code app.agent_id} / {@code app.user_id} (transaction-local), which the database's
 * row-level security reads; {@link #narrowTo} states it again, narrower, for the rest of it.
 */
public final class JooqTransactions implements Transactions {
    /** After a connection failure, new transactions fail at once for this long, then one tries again. */
    private static final long FAIL_FAST_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** aw_enter_agent_scope's refusals (V19): the key, a suspended agent, a write by a read-only agent. */
    private static final String KEY_REFUSED = "AWKEY";
    private static final String AGENT_SUSPENDED = "AWSUS";
    private static final String AGENT_READ_ONLY = "AWRDO";

    private final DataSource dataSource;
    private final Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);

    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();
    /** The scope the open transaction (or single statement) stated, while {@link #current} is set. */
    private final ThreadLocal<OpenScope> openScope = new ThreadLocal<>();
    /** Set while the open work is a key-checked read in auto-commit, each statement its own transaction. */
    private final ThreadLocal<Boolean> readsInAutoCommit = new ThreadLocal<>();
    /** Set by a repository that changed keys or agents in the open transaction. */
    private final ThreadLocal<Boolean> keysChanged = new ThreadLocal<>();
    /** When a connection last failed; far in the past while the database answers. */
    private static final long LONG_AGO = System.nanoTime() - FAIL_FAST_NANOS - 1;
    private volatile long unavailableSince = LONG_AGO;

    private final KeyHints hints = new KeyHints();

    public JooqTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The digest → credential hints this instance's credential lookups share with the checks that correct them. */
    KeyHints keyHints() {
        return hints;
    }

    /** The open transaction changes keys or agents: every key hint is forgotten once it ends. */
    void keysChanged() {
        keysChanged.set(Boolean.TRUE);
    }

    private void forgetHintsIfKeysChanged() {
        if (Boolean.TRUE.equals(keysChanged.get())) {
            keysChanged.remove();
            hints.clear();
        }
    }

    /**
     * For a scope proven by an API key, the database checks the key again first, in the same
     * message as the work's first statement ({@link PrologueConnection}); a refusal becomes
     * {@link Unauthenticated}, {@link AgentSuspended} or {@link AgentNotWritable} and the digest's
     * hint is forgotten. A read runs in auto-commit, each statement its own implicit transaction
     * with its own check (as under READ COMMITTED, each statement sees the data committed when it
     * starts), so a one-query read is one round trip; a write is BEGIN + check + first statement in
     * one message and COMMIT in a second.
     */
    @Override
    public <T> T inTransaction(AgentScope scope, Supplier<T> work) {
        if (scope.presentedKey() != null) {
            return runChecked(scope, work);
        }
        return run(scope.agentId().toString(), "", work);
    }

    @Override
    public <T> T inTransaction(OwnerScope scope, Supplier<T> work) {
        return run("", scope.userId().value(), work);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run("", "", work);
    }

    @Override
    public void narrowTo(AgentScope scope) {
        OpenScope open = openScope.get();
        if (open == null || open.singleStatement() || open.userId().isEmpty() || !open.agentId().isEmpty()) {
            throw new IllegalStateException("narrowTo needs an open owner-scoped transaction, not " + open);
        }
        OpenScope narrowed = new OpenScope(scope.agentId().toString(), "", false);
        try {
            dsl().connection(connection -> stateScope(connection, narrowed.agentId(), narrowed.userId()));
        } catch (DataAccessException e) {
            throw failure(e);
        }
        openScope.set(narrowed);
    }

    /**
     * On a connection in auto-commit: the statement is its own transaction. No scope is stated,
     * so row-level security admits nothing but the schema owner's lookup functions.
     */
    @Override
    public <T> T inSingleStatement(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (Connection connection = connect()) {
            current.set(DSL.using(connection, SQLDialect.POSTGRES, settings));
            openScope.set(OpenScope.SINGLE_STATEMENT);
            try {
                return work.get();
            } finally {
                current.remove();
                openScope.remove();
            }
        } catch (DataAccessException | SQLException e) {
            throw failure(e);
        } finally {
            forgetHintsIfKeysChanged();
        }
    }

    /** The open transaction's context; repositories never run outside one. */
    DSLContext dsl() {
        DSLContext tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("repository used outside Transactions.inTransaction/inSingleStatement");
        }
        return tx;
    }

    private <T> T run(String agentId, String userId, Supplier<T> work) {
        OpenScope wanted = new OpenScope(agentId, userId, false);
        if (current.get() != null) {
            return join(wanted, work);
        }
        // One connection per transaction, taken here: jOOQ asks its provider again to roll back a
        // failed begin, which during an outage would wait the pool's timeout two more times.
        Connection connection = connect();
        try (connection) {
            return DSL.using(connection, SQLDialect.POSTGRES, settings).transactionResult(configuration -> {
                DSLContext tx = configuration.dsl();
                stateScope(connection, agentId, userId);
                current.set(tx);
                openScope.set(wanted);
                try {
                    return work.get();
                } finally {
                    current.remove();
                    openScope.remove();
                }
            });
        } catch (DataAccessException e) {
            throw failure(e);
        } catch (SQLException e) {
            // Only close() throws this: the pool could not take the connection back.
            throw failure(e);
        } finally {
            // After the commit (or the rollback: forgetting more than needed costs a lookup).
            forgetHintsIfKeysChanged();
        }
    }

    private <T> T runChecked(AgentScope scope, Supplier<T> work) {
        OpenScope wanted = new OpenScope(scope.agentId().toString(), "", false);
        if (current.get() != null) {
            if (scope.access() == Access.WRITE && Boolean.TRUE.equals(readsInAutoCommit.get())) {
                // Its statements would each commit alone: a write needs the one transaction.
                throw new IllegalStateException("a write cannot join the reads of " + openScope.get());
            }
            return join(wanted, work);
        }
        Connection raw = connect();
        try (raw) {
            boolean reads = scope.access() == Access.READ;
            PrologueConnection connection = new PrologueConnection(raw, scope, reads);
            if (reads) {
                readsInAutoCommit.set(Boolean.TRUE);
                try {
                    return within(DSL.using(connection, SQLDialect.POSTGRES, settings), wanted, connection, work);
                } finally {
                    readsInAutoCommit.remove();
                }
            }
            return DSL.using(connection, SQLDialect.POSTGRES, settings).transactionResult(
                    configuration -> within(configuration.dsl(), wanted, connection, work));
        } catch (DataAccessException e) {
            throw refusalOrFailure(scope, e);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            forgetHintsIfKeysChanged();
        }
    }

    private <T> T within(DSLContext tx, OpenScope scope, PrologueConnection connection, Supplier<T> work) {
        current.set(tx);
        openScope.set(scope);
        try {
            T result = work.get();
            connection.checkIfNotYet();
            return result;
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        } finally {
            current.remove();
            openScope.remove();
        }
    }

    private <T> T join(OpenScope wanted, Supplier<T> work) {
        OpenScope open = openScope.get();
        if (!wanted.equals(open)) {
            // Joining would run the work under the open scope, wider or narrower than it asked for.
            throw new IllegalStateException("a transaction for " + wanted + " cannot join the open one for " + open);
        }
        return work.get();
    }

    /** The check's refusals (V19's SQLSTATEs) as core's answers; anything else as {@link #failure}. */
    private RuntimeException refusalOrFailure(AgentScope scope, DataAccessException e) {
        String state = e.sqlState();
        RuntimeException refusal = switch (state == null ? "" : state) {
            case KEY_REFUSED -> new Unauthenticated();
            case AGENT_SUSPENDED -> new AgentSuspended();
            case AGENT_READ_ONLY -> new AgentNotWritable();
            default -> null;
        };
        if (refusal == null) {
            return failure(e);
        }
        hints.forget(scope.presentedKey());
        return refusal;
    }

    /** The first statement of every transaction (it also opens it); plain JDBC, it runs on every request. */
    private static final String STATE_SCOPE =
            "select set_config('app.agent_id', ?, true), set_config('app.user_id', ?, true)";

    private static void stateScope(Connection connection, String agentId, String userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STATE_SCOPE)) {
            statement.setString(1, agentId);
            statement.setString(2, userId);
            statement.executeQuery().close();
        }
    }

    /** What a transaction stated: an agent, an owner, or neither; or a single statement outside any transaction. */
    private record OpenScope(String agentId, String userId, boolean singleStatement) {
        static final OpenScope SINGLE_STATEMENT = new OpenScope("", "", true);

        @Override
        public String toString() {
            return singleStatement ? "a single statement" : !agentId.isEmpty() ? "agent " + agentId
                    : !userId.isEmpty() ? "owner " + userId : "no scope";
        }
    }

    /** A pooled connection in auto-commit, or {@link Unavailable} at once while the database just failed. */
    private Connection connect() {
        if (System.nanoTime() - unavailableSince < FAIL_FAST_NANOS) {
            // The database just failed to answer: every request would otherwise wait the pool's
            // whole connection timeout, once per transaction, and an outage would pile up threads.
            throw new Unavailable("Database unavailable; retry shortly");
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(e);
        }
        if (unavailableSince != LONG_AGO) {
            unavailableSince = LONG_AGO;
        }
        return connection;
    }

    /** Never "not found": the caller must learn that the database is away, and retry. */
    private RuntimeException failure(Exception e) {
        if (isConnectionFailure(e)) {
            unavailableSince = System.nanoTime();
            return new Unavailable("Database unavailable; retry shortly", e);
        }
        if (e instanceof DataAccessException access && FOREIGN_KEY_VIOLATION.equals(access.sqlState())) {
            // Every foreign key points up the ownership chain; a write that misses its parent ran
            // after the agent (or its owner) was deleted by a concurrent request.
            return new NotFound("Agent");
        }
        return e instanceof RuntimeException runtime ? runtime : new DataAccessException(e.getMessage(), e);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("57P03"))) {
                return true;
            }
        }
        return false;
    }
}

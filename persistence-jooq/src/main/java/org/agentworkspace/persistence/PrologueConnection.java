package org.agentworkspace.persistence;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.jooq.tools.jdbc.DefaultConnection;

/**
 * The connection of a transaction for a scope proven by an API key: the key's check
 * ({@code aw_enter_agent_scope}, V19), which also states the scope for row-level security, is
 * put in front of the first statement, in the same SQL string, so pgjdbc sends both before one
 * {@code Sync} and PostgreSQL runs them as one transaction: one round trip. A refused check aborts
 * that transaction, so the statement behind it never runs.
 *
 * <p>In {@linkplain #PrologueConnection(Connection, AgentScope, boolean) every-statement} mode
 * (reads, in auto-commit) each statement is its own implicit transaction, and each gets the check:
 * a statement without it would run with no scope, and row-level security would show it nothing.
 * Otherwise (an explicit transaction) the first statement carries it and the rest run in the scope
 * it stated.
 */
final class PrologueConnection extends DefaultConnection {
    static final String ENTER_AGENT_SCOPE = "select aw_enter_agent_scope(?, ?, ?, ?)";
    private static final int PARAMETERS = 4;

    private final AgentScope scope;
    private final boolean everyStatement;
    private boolean checked;

    /**
     * @param everyStatement whether the connection is in auto-commit and every statement needs the
     *                       check; otherwise only the first of the open transaction does
     */
    PrologueConnection(Connection delegate, AgentScope scope, boolean everyStatement) {
        super(delegate);
        if (scope.presentedKey() == null) {
            throw new IllegalArgumentException("only a scope proven by a key is checked: " + scope);
        }
        this.scope = scope;
        this.everyStatement = everyStatement;
    }

    /** Runs the check on its own if no statement carried it yet (a use case that ran no query still gets its key checked). */
    void checkIfNotYet() throws SQLException {
        if (!checked) {
            checkAlone();
        }
    }

    void bindPrologue(PreparedStatement statement) throws SQLException {
        statement.setObject(1, scope.agentId().value());
        statement.setBytes(2, scope.presentedKey().bytes());
        statement.setObject(3, OffsetDateTime.ofInstant(scope.presentedAt(), ZoneOffset.UTC));
        statement.setBoolean(4, scope.access() == Access.WRITE);
    }

    private boolean due() {
        return everyStatement || !checked;
    }

    private PreparedStatement behindCheck(PreparedStatement combined) throws SQLException {
        bindPrologue(combined);
        checked = true;
        return new PrologueStatement(combined, this, PARAMETERS);
    }

    private void checkAlone() throws SQLException {
        try (PreparedStatement check = getDelegate().prepareStatement(ENTER_AGENT_SCOPE)) {
            bindPrologue(check);
            check.executeQuery().close();
        }
        checked = true;
    }

    /** For statements that cannot carry the check: in a transaction it goes first on its own; in auto-commit they cannot run. */
    private void checkBeforeUnsupported(String what) throws SQLException {
        if (everyStatement) {
            throw new SQLFeatureNotSupportedException(what + " cannot carry the scope's check in auto-commit");
        }
        if (!checked) {
            checkAlone();
        }
    }

    private static String combined(String sql) {
        return ENTER_AGENT_SCOPE + ";\n" + sql;
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        if (!due()) {
            return super.prepareStatement(sql);
        }
        return behindCheck(getDelegate().prepareStatement(combined(sql)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        if (!due()) {
            return super.prepareStatement(sql, resultSetType, resultSetConcurrency);
        }
        return behindCheck(getDelegate().prepareStatement(combined(sql), resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        if (!due()) {
            return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
        }
        return behindCheck(getDelegate().prepareStatement(combined(sql), resultSetType, resultSetConcurrency,
                resultSetHoldability));
    }

    // Generated keys make pgjdbc rewrite the statement, which it does for single statements only.
    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkBeforeUnsupported("a statement returning generated keys");
        return super.prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkBeforeUnsupported("a statement returning generated keys");
        return super.prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkBeforeUnsupported("a statement returning generated keys");
        return super.prepareStatement(sql, columnNames);
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkBeforeUnsupported("a plain statement");
        return super.createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkBeforeUnsupported("a plain statement");
        return super.createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkBeforeUnsupported("a plain statement");
        return super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkBeforeUnsupported("a call");
        return super.prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkBeforeUnsupported("a call");
        return super.prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        checkBeforeUnsupported("a call");
        return super.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }
}

package org.agentworkspace.core.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Runs the work directly; records the scope of each outermost transaction, so tests can assert
 * that a use case runs in exactly one transaction under the scope it should. Keeps the port's
 * rules as the database adapter does: a failure rolls every change of the outermost transaction
 * back, a nested call for another scope is refused, and {@link #narrowTo} needs an open owner scope.
 */
public final class InMemoryTransactions implements Transactions {
    private static final String SINGLE_STATEMENT = "single statement";

    private final InMemoryDatabase db;
    private final List<String> outermost = new ArrayList<>();
    private int depth;
    /** What the open transaction is scoped to: {@code agent:<id>}, {@code owner:<id>}, {@code unscoped}. */
    private String open;

    public InMemoryTransactions(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(AgentScope scope, Supplier<T> work) {
        return run(scope.toString(), "agent:" + scope.agentId(), work);
    }

    @Override
    public <T> T inTransaction(OwnerScope scope, Supplier<T> work) {
        return run(scope.toString(), "owner:" + scope.userId().value(), work);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run("unscoped", "unscoped", work);
    }

    @Override
    public void narrowTo(AgentScope scope) {
        if (depth == 0 || !open.startsWith("owner:")) {
            throw new IllegalStateException("narrowTo needs an open owner-scoped transaction, not " + open);
        }
        open = "agent:" + scope.agentId();
    }

    @Override
    public <T> T inSingleStatement(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        return run(SINGLE_STATEMENT, SINGLE_STATEMENT, work);
    }

    private <T> T run(String label, String scope, Supplier<T> work) {
        Runnable rollback = null;
        if (depth == 0) {
            outermost.add(label);
            open = scope;
            rollback = db.snapshot();
        } else if (!scope.equals(open)) {
            throw new IllegalStateException("a transaction for " + scope + " cannot join the open one for " + open);
        }
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            if (rollback != null) {
                rollback.run();
            }
            throw e;
        } finally {
            depth--;
            if (depth == 0) {
                open = null;
            }
        }
    }

    /** The scopes of the outermost transactions so far, e.g. {@code AgentScope[…, WRITE, agent:…]} {@code unscoped} or {@code single statement}. */
    public List<String> outermostScopes() {
        return List.copyOf(outermost);
    }

    public void forget() {
        outermost.clear();
    }
}

package org.agentworkspace.core.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Runs the work directly; records the scope of each outermost transaction, so tests can assert
 * that a use case runs in exactly one transaction under the scope it should.
 */
public final class InMemoryTransactions implements Transactions {
    private final List<String> outermost = new ArrayList<>();
    private int depth;

    @Override
    public <T> T inTransaction(AgentScope scope, Supplier<T> work) {
        return run(scope.toString(), work);
    }

    @Override
    public <T> T inTransaction(OwnerScope scope, Supplier<T> work) {
        return run(scope.toString(), work);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run("unscoped", work);
    }

    @Override
    public <T> T inSingleStatement(Supplier<T> work) {
        return run("single statement", work);
    }

    private <T> T run(String scope, Supplier<T> work) {
        if (depth == 0) {
            outermost.add(scope);
        }
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
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

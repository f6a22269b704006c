package org.agentworkspace.core.port.out;

import java.util.function.Supplier;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;

/**
 * Runs one use case's work in one database transaction, with the scope the database's own
 * row-level security should enforce. A call made while a transaction is already open on the
 * thread joins it if it asks for the same scope (the same agent, the same owner, or none), and
 * is refused with an {@link IllegalStateException} if it asks for another: joining would run the
 * work under the open scope, not the one it asked for. The one way from an owner's scope to one
 * of the owner's agents is {@link #narrowTo}. Any exception rolls the transaction back and
 * propagates unchanged; a failure to reach the database surfaces as
 * {@link org.agentworkspace.core.domain.Unavailable}.
 */
public interface Transactions {

    /** Work on one agent's data: only that agent's rows are visible. */
    <T> T inTransaction(AgentScope scope, Supplier<T> work);

    /** Work on one user's agents: only rows of agents that user owns are visible. */
    <T> T inTransaction(OwnerScope scope, Supplier<T> work);

    /**
     * Narrows the open owner-scoped transaction to one agent of that owner (a scope minted from
     * an agent loaded through that owner scope): from here until the transaction ends only that
     * agent's rows are visible, and the transaction counts as that agent's, so a nested
     * {@code inTransaction(scope, …)} for the same agent joins it.
     *
     * @throws IllegalStateException when no owner-scoped transaction is open on this thread
     */
    void narrowTo(AgentScope scope);

    /**
     * Work before a scope exists (credential lookups, user sync, provisioning): owned data is
     * reachable only through the narrow lookups of {@link CredentialLookup} and {@link UserRepository}.
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * One statement before a scope exists (a credential lookup, provisioning a user on first
     * sight), run as its own implicit transaction: for so small a query the round trips that
     * open and commit an explicit transaction cost more than the query. Work of more than one
     * statement belongs in {@link #inTransaction(Supplier)}. Inside an open transaction it joins it.
     */
    <T> T inSingleStatement(Supplier<T> work);
}

package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.usecase.Ports;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every port contract runs on: the ports of one backend, fresh and empty for each test, with
 * one owner and two sibling agents A and B. Subclassed once per backend (the in-memory fakes in
 * core, the jOOQ adapters on PostgreSQL in persistence-jooq), so both keep the same promises.
 *
 * <p>Scopes come from the chain's owner path ({@link Ownership#scopeFor(UserPrincipal, Agent, Access)}),
 * never from a forged credential.
 */
public abstract class PortContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final Ownership ownership = new Ownership();
    protected Ports ports;
    protected UserPrincipal owner;
    protected OwnerScope ownerScope;
    protected Agent agentA;
    protected Agent agentB;
    protected AgentScope a;
    protected AgentScope b;

    /** The ports of a fresh, empty backend. */
    protected abstract Ports freshPorts();

    @BeforeEach
    protected void world() {
        ports = freshPorts();
        owner = user("user_owner");
        ownerScope = ownership.scopeFor(owner);
        agentA = agentOf(owner, "A");
        agentB = agentOf(owner, "B");
        a = scopeOf(owner, agentA);
        b = scopeOf(owner, agentB);
    }

    protected UserPrincipal user(String id) {
        var user = ports.transactions().inTransaction(() -> ports.users().upsert(UserProfile.idOnly(new UserId(id)), T0));
        return ownership.userPrincipal(user.id());
    }

    protected Agent agentOf(UserPrincipal user, String name) {
        OwnerScope scope = ownership.scopeFor(user);
        Agent agent = new Agent(AgentId.random(), user.userId(), name, null, ZoneId.of("Europe/Berlin"),
                AgentStatus.ACTIVE, T0, T0);
        ports.transactions().inTransaction(scope, () -> {
            ports.agents().insert(scope, agent, new Calendar(CalendarId.random(), agent.id(), T0));
            return null;
        });
        return agent;
    }

    protected AgentScope scopeOf(UserPrincipal user, Agent agent) {
        return ownership.scopeFor(user, agent, Access.WRITE);
    }

    protected OwnerScope ownerScopeOf(UserPrincipal user) {
        return ownership.scopeFor(user);
    }

    protected <T> T in(AgentScope scope, Supplier<T> work) {
        return ports.transactions().inTransaction(scope, work);
    }

    protected void run(AgentScope scope, Runnable work) {
        in(scope, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in the scope's transaction and then fails it; the caller checks nothing stayed. */
    protected void failAfter(AgentScope scope, Runnable work) {
        assertThatThrownBy(() -> in(scope, () -> {
            work.run();
            throw new ContractFailure();
        })).isInstanceOf(ContractFailure.class);
    }

    /** The failure a contract injects to see the transaction roll back. */
    protected static final class ContractFailure extends RuntimeException {
        ContractFailure() {
            super("injected by the port contract");
        }
    }
}

package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.util.function.BiFunction;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;

/**
 * The steps every use case shares: the ports, the settings, and the ownership chain from a
 * principal to a scope. Package-private; one instance is shared by all services.
 */
final class Chain {
    final Ports ports;
    final Settings settings;
    final Ownership ownership;

    Chain(Ports ports, Settings settings, Ownership ownership) {
        this.ports = ports;
        this.settings = settings;
        this.ownership = ownership;
    }

    /**
     * Now, at the precision storage keeps (PostgreSQL timestamps hold microseconds and round
     * finer values): what a write answers must be exactly what a later read returns.
     */
    Instant now() {
        return settings.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The agent's own scope for a route needing {@code needed}; throws per {@link Ownership#scopeFor(AgentPrincipal, Scope)}. */
    AgentScope scopeOf(AgentPrincipal agent, Scope needed) {
        return ownership.scopeFor(agent, needed);
    }

    /**
     * Runs {@code work} on one agent of {@code user}, in one transaction: the agent is loaded
     * through the user's owner scope, then its agent scope is minted and the work joins the same
     * transaction under it.
     *
     * @throws NotFound for a malformed id, an absent agent and someone else's agent alike
     */
    <T> T onOwnedAgent(UserPrincipal user, String agentId, Access access, BiFunction<Agent, AgentScope, T> work) {
        AgentId id = AgentId.parse(agentId).orElseThrow(() -> new NotFound("Agent"));
        OwnerScope owner = ownership.scopeFor(user);
        return ports.transactions().inTransaction(owner, () -> {
            Agent agent = ports.agents().find(owner, id).orElseThrow(() -> new NotFound("Agent"));
            AgentScope scope = ownership.scopeFor(user, agent, access);
            return ports.transactions().inTransaction(scope, () -> work.apply(agent, scope));
        });
    }

    void audit(AgentScope scope, AuditAction action, String detail) {
        ports.audit().append(scope,
                new AuditEntry(AuditEntryId.random(), scope.agentId(), action, scope.actor(), detail, now()));
    }
}

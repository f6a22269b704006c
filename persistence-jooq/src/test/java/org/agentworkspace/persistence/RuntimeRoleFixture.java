package org.agentworkspace.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.testing.TestDatabases;

/**
 * A fresh database of {@link RuntimeRoleDatabases} with the adapter over its runtime role, and the
 * rows those tests start from, each written in its own transaction through the adapter: users,
 * their agents (inserted by the owner, with a calendar) and events. Every row is stamped {@code at}.
 */
final class RuntimeRoleFixture {
    final TestDatabases.Database database = RuntimeRoleDatabases.fresh();
    final JooqPersistence p = JooqPersistence.create(database.runtimeDataSource());
    private final Ownership ownership;
    private final Instant at;

    RuntimeRoleFixture(Ownership ownership, Instant at) {
        this.ownership = ownership;
        this.at = at;
    }

    /** A user known by its id alone. */
    UserId user(String id) {
        UserId user = new UserId(id);
        p.transactions().inTransaction(() -> p.users().upsert(UserProfile.idOnly(user), at));
        return user;
    }

    /** A new active agent of {@code owner}, inserted in the owner's scope. */
    Agent agentOf(UserId owner) {
        Agent agent = new Agent(AgentId.random(), owner, "agent", null, ZoneId.of("UTC"), AgentStatus.ACTIVE, at, at);
        OwnerScope scope = ownership.scopeFor(ownership.userPrincipal(owner));
        p.transactions().inTransaction(scope, () -> {
            p.agents().insert(scope, agent, new Calendar(CalendarId.random(), agent.id(), at));
            return null;
        });
        return agent;
    }

    /** A one-hour event at {@code at} with nothing but its title, inserted in {@code scope}. */
    Event insertEvent(AgentScope scope, String title) {
        return insert(scope, new Event(EventId.random(), scope.agentId(), new EventData(title, at,
                at.plus(1, ChronoUnit.HOURS), false, null, null, null, null, null), 1, at, at));
    }

    Event insert(AgentScope scope, Event event) {
        p.transactions().inTransaction(scope, () -> {
            p.events().insert(scope, event);
            return null;
        });
        return event;
    }
}

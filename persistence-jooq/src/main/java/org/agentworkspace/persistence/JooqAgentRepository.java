package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.AGENTS;
import static org.agentworkspace.persistence.generated.Tables.CALENDARS;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.persistence.generated.tables.records.AgentsRecord;
import org.jooq.Condition;

/** Agents: owner-scoped reads carry the owner's id, agent-scoped ones the agent's id. */
public final class JooqAgentRepository implements AgentRepository {
    private final JooqTransactions tx;

    public JooqAgentRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    private static Condition ownedBy(OwnerScope scope) {
        return AGENTS.OWNER_ID.eq(scope.userId().value());
    }

    private static Condition isScopeAgent(AgentScope scope) {
        return AGENTS.ID.eq(scope.agentId().value());
    }

    @Override
    public List<Agent> list(OwnerScope scope) {
        return tx.dsl().selectFrom(AGENTS).where(ownedBy(scope)).orderBy(AGENTS.CREATED_AT, AGENTS.ID)
                .fetch(JooqAgentRepository::toAgent);
    }

    @Override
    public Optional<Agent> find(OwnerScope scope, AgentId id) {
        return tx.dsl().selectFrom(AGENTS).where(ownedBy(scope)).and(AGENTS.ID.eq(id.value()))
                .fetchOptional(JooqAgentRepository::toAgent);
    }

    @Override
    public Optional<Agent> get(AgentScope scope) {
        return tx.dsl().selectFrom(AGENTS).where(isScopeAgent(scope)).fetchOptional(JooqAgentRepository::toAgent);
    }

    @Override
    public void insert(OwnerScope scope, Agent agent, Calendar calendar) {
        tx.dsl().insertInto(AGENTS)
                .set(AGENTS.ID, agent.id().value())
                .set(AGENTS.OWNER_ID, scope.userId().value())
                .set(AGENTS.NAME, agent.name())
                .set(AGENTS.DESCRIPTION, agent.description())
                .set(AGENTS.TIMEZONE, agent.timezone().getId())
                .set(AGENTS.STATUS, agent.status().wireName())
                .set(AGENTS.CREATED_AT, agent.createdAt())
                .set(AGENTS.UPDATED_AT, agent.updatedAt())
                .execute();
        tx.dsl().insertInto(CALENDARS)
                .set(CALENDARS.ID, calendar.id().value())
                .set(CALENDARS.AGENT_ID, agent.id().value())
                .set(CALENDARS.CREATED_AT, calendar.createdAt())
                .execute();
    }

    @Override
    public boolean update(AgentScope scope, Agent agent) {
        tx.keysChanged();
        return tx.dsl().update(AGENTS)
                .set(AGENTS.NAME, agent.name())
                .set(AGENTS.DESCRIPTION, agent.description())
                .set(AGENTS.TIMEZONE, agent.timezone().getId())
                .set(AGENTS.STATUS, agent.status().wireName())
                .set(AGENTS.UPDATED_AT, agent.updatedAt())
                // The row's own id as well: another agent's values never land on the scope's row.
                .where(isScopeAgent(scope)).and(AGENTS.ID.eq(agent.id().value()))
                .execute() == 1;
    }

    @Override
    public boolean delete(AgentScope scope) {
        tx.keysChanged();
        return tx.dsl().deleteFrom(AGENTS).where(isScopeAgent(scope)).execute() == 1;
    }

    static Agent toAgent(AgentsRecord r) {
        return new Agent(new AgentId(r.getId()), new UserId(r.getOwnerId()), r.getName(), r.getDescription(),
                ZoneId.of(r.getTimezone()), AgentStatus.fromWire(r.getStatus()).orElseThrow(), r.getCreatedAt(),
                r.getUpdatedAt());
    }
}

package org.agentworkspace.core.fakes;

import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.port.out.AgentRepository;

public final class InMemoryAgentRepository implements AgentRepository {
    private final InMemoryDatabase db;

    public InMemoryAgentRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<Agent> list(OwnerScope scope) {
        return db.agents.values().stream().filter(a -> a.owner().equals(scope.userId())).toList();
    }

    @Override
    public Optional<Agent> find(OwnerScope scope, AgentId id) {
        return Optional.ofNullable(db.agents.get(id)).filter(a -> a.owner().equals(scope.userId()));
    }

    @Override
    public Optional<Agent> get(AgentScope scope) {
        return Optional.ofNullable(db.agents.get(scope.agentId()));
    }

    @Override
    public void insert(OwnerScope scope, Agent agent, Calendar calendar) {
        if (!db.users.containsKey(scope.userId())) {
            throw new IllegalStateException("foreign key: no user " + scope.userId());
        }
        if (!agent.owner().equals(scope.userId())) {
            throw new IllegalStateException("the owner column comes from the scope");
        }
        db.agents.put(agent.id(), agent);
        db.calendars.put(agent.id(), calendar);
    }

    @Override
    public boolean update(AgentScope scope, Agent agent) {
        Agent stored = db.agents.get(scope.agentId());
        if (stored == null || !agent.id().equals(scope.agentId())) {
            return false;
        }
        db.agents.put(stored.id(), new Agent(stored.id(), stored.owner(), agent.name(), agent.description(),
                agent.timezone(), agent.status(), stored.createdAt(), agent.updatedAt()));
        return true;
    }

    @Override
    public boolean delete(AgentScope scope) {
        boolean existed = db.agents.containsKey(scope.agentId());
        db.deleteAgentCascade(scope.agentId());
        return existed;
    }
}

package org.agentworkspace.core.port.out;

import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;

/** Agents and their calendars. Owner-scoped methods see only the scope user's agents. */
public interface AgentRepository {

    /** The scope user's agents, oldest first. */
    List<Agent> list(OwnerScope scope);

    /** The agent if the scope user owns it; empty if absent or someone else's. */
    Optional<Agent> find(OwnerScope scope, AgentId id);

    /** The scope's own agent; empty only if it was deleted meanwhile. */
    Optional<Agent> get(AgentScope scope);

    /** Stores a new agent of the scope user together with its one calendar. The owner column comes from the scope. */
    void insert(OwnerScope scope, Agent agent, Calendar calendar);

    /**
     * Writes name, description, timezone, status and updatedAt; false if the agent is gone, or
     * if {@code agent} is not the scope's own agent (nothing is written then).
     */
    boolean update(AgentScope scope, Agent agent);

    /** Deletes the agent with all its data; false if it was already gone. */
    boolean delete(AgentScope scope);
}

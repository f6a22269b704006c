package org.agentworkspace.core.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentData;
import org.agentworkspace.core.domain.AgentRules;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.UpdateAgent;
import org.agentworkspace.core.port.out.AgentRepository;

/**
 * A status change is audited as {@code agent.status_changed} ("active → suspended"), a change of
 * name, description or timezone as {@code agent.updated}; an update that changes nothing writes
 * nothing, so {@code updatedAt} (and with it the feed's ETag) stays.
 */
final class UpdateAgentService implements UpdateAgent {
    private final OwnedAgents ownedAgents;
    private final AgentRepository agents;
    private final AuditTrail auditTrail;
    private final StorageClock clock;

    UpdateAgentService(OwnedAgents ownedAgents, AgentRepository agents, AuditTrail auditTrail, StorageClock clock) {
        this.ownedAgents = ownedAgents;
        this.agents = agents;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    public Agent update(UserPrincipal user, String agentId, AgentInput input) {
        return ownedAgents.act(user, agentId, Access.WRITE, (stored, scope) -> {
            AgentData data = AgentRules.forUpdate(stored, input.name(), input.description(), input.timezone(),
                    input.status());
            List<String> changed = new ArrayList<>();
            if (!data.name().equals(stored.name())) {
                changed.add("name");
            }
            if (!Objects.equals(data.description(), stored.description())) {
                changed.add("description");
            }
            if (!data.timezone().equals(stored.timezone())) {
                changed.add("timezone");
            }
            boolean statusChanged = data.status() != stored.status();
            if (changed.isEmpty() && !statusChanged) {
                return stored;
            }
            Agent updated = new Agent(stored.id(), stored.owner(), data.name(), data.description(), data.timezone(),
                    data.status(), stored.createdAt(), clock.now());
            if (!agents.update(scope, updated)) {
                throw new NotFound("Agent");
            }
            if (statusChanged) {
                auditTrail.append(scope, AuditAction.AGENT_STATUS_CHANGED,
                        stored.status().wireName() + " → " + data.status().wireName());
            }
            if (!changed.isEmpty()) {
                auditTrail.append(scope, AuditAction.AGENT_UPDATED, "Changed " + String.join(", ", changed));
            }
            return updated;
        });
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.GetEvent;

final class GetEventService implements GetEvent {
    private final Chain chain;

    GetEventService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Event get(AgentPrincipal agent, String eventId) {
        AgentScope scope = chain.scopeOf(agent, Scope.EVENTS_READ);
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        return chain.ports.transactions().inTransaction(scope,
                () -> chain.ports.events().find(scope, id).orElseThrow(() -> new NotFound("Event")));
    }
}

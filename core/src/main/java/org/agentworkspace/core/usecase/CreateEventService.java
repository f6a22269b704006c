package org.agentworkspace.core.usecase;

import java.time.Instant;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.CreateEvent;
import org.agentworkspace.core.port.in.EventInput;

final class CreateEventService implements CreateEvent {
    private final Chain chain;

    CreateEventService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Event create(AgentPrincipal agent, EventInput input) {
        AgentScope scope = chain.scopeOf(agent, Scope.EVENTS_WRITE);
        EventData data = EventRules.validate(EventDrafts.of(input));
        return chain.ports.transactions().inTransaction(scope, () -> {
            Instant now = chain.now();
            Event event = new Event(EventId.random(), scope.agentId(), data, 1, now, now);
            chain.ports.events().insert(scope, event);
            return event;
        });
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.GetEvent;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

final class GetEventService implements GetEvent {
    private final Transactions transactions;
    private final EventRepository events;
    private final Ownership ownership;

    GetEventService(Transactions transactions, EventRepository events, Ownership ownership) {
        this.transactions = transactions;
        this.events = events;
        this.ownership = ownership;
    }

    @Override
    public Event get(AgentPrincipal agent, String eventId) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_READ);
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        return transactions.inTransaction(scope,
                () -> events.find(scope, id).orElseThrow(() -> new NotFound("Event")));
    }
}

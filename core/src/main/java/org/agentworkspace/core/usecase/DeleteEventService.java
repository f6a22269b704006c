package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.DeleteEvent;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

final class DeleteEventService implements DeleteEvent {
    private final Transactions transactions;
    private final EventRepository events;
    private final Ownership ownership;

    DeleteEventService(Transactions transactions, EventRepository events, Ownership ownership) {
        this.transactions = transactions;
        this.events = events;
        this.ownership = ownership;
    }

    @Override
    public void delete(AgentPrincipal agent, String eventId, OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        transactions.inTransaction(scope, () -> {
            if (expectedVersion.isPresent()) {
                long current = events.find(scope, id).orElseThrow(() -> new NotFound("Event")).version();
                if (current != expectedVersion.getAsLong()) {
                    throw new PreconditionFailed();
                }
            }
            if (!events.delete(scope, id)) {
                throw new NotFound("Event");
            }
            return null;
        });
    }
}

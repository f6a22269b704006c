package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.DeleteEvent;

final class DeleteEventService implements DeleteEvent {
    private final Chain chain;

    DeleteEventService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public void delete(AgentPrincipal agent, String eventId, OptionalLong expectedVersion) {
        AgentScope scope = chain.scopeOf(agent, Scope.EVENTS_WRITE);
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        chain.ports.transactions().inTransaction(scope, () -> {
            if (expectedVersion.isPresent()) {
                long current = chain.ports.events().find(scope, id).orElseThrow(() -> new NotFound("Event")).version();
                if (current != expectedVersion.getAsLong()) {
                    throw new PreconditionFailed();
                }
            }
            if (!chain.ports.events().delete(scope, id)) {
                throw new NotFound("Event");
            }
            return null;
        });
    }
}

package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventDraft;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.in.UpdateEvent;

/**
 * Merges the sent fields onto the stored event and validates the whole. The write is conditional
 * on the version that was read. When it loses a race: with {@code If-Match} that is a
 * {@link PreconditionFailed}; without, the caller asked for "these fields, whatever the rest is",
 * so the merge is redone once on the fresh event, and a second lost race is a
 * {@link PreconditionFailed} rather than an endless loop.
 */
final class UpdateEventService implements UpdateEvent {
    private final Chain chain;

    UpdateEventService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Event update(AgentPrincipal agent, String eventId, EventInput input, OptionalLong expectedVersion) {
        AgentScope scope = chain.scopeOf(agent, Scope.EVENTS_WRITE);
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        EventDraft changes = EventDrafts.of(input);
        return chain.ports.transactions().inTransaction(scope, () -> {
            int attempts = expectedVersion.isPresent() ? 1 : 2;
            for (int attempt = 1; ; attempt++) {
                Event stored = chain.ports.events().find(scope, id).orElseThrow(() -> new NotFound("Event"));
                if (expectedVersion.isPresent() && expectedVersion.getAsLong() != stored.version()) {
                    throw new PreconditionFailed();
                }
                EventData data = EventRules.validate(changes.over(stored.data()));
                Event updated = new Event(stored.id(), stored.agentId(), data, stored.version() + 1,
                        stored.createdAt(), chain.now());
                if (chain.ports.events().update(scope, updated, stored.version())) {
                    return updated;
                }
                if (attempt >= attempts) {
                    throw new PreconditionFailed();
                }
            }
        });
    }
}

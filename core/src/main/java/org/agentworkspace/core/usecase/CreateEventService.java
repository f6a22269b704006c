package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.time.Instant;
import java.util.List;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.CreateEvent;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.StartBounds;
import org.agentworkspace.core.port.out.Transactions;

final class CreateEventService implements CreateEvent {
    private final Transactions transactions;
    private final EventRepository events;
    private final Ownership ownership;
    private final StorageClock clock;
    private final SeriesBounds bounds;

    CreateEventService(Transactions transactions, EventRepository events, Ownership ownership, StorageClock clock,
                       SeriesBounds bounds) {
        this.transactions = transactions;
        this.events = events;
        this.ownership = ownership;
        this.clock = clock;
        this.bounds = bounds;
    }

    @Override
    public Event create(AgentPrincipal agent, EventInput input) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        EventData data = EventRules.validate(EventDrafts.of(input));
        StartBounds starts = bounds.of(data, List.of());
        return transactions.inTransaction(scope, () -> {
            Instant now = clock.now();
            Event event = new Event(EventId.random(), scope.agentId(), data, 1, now, now);
            events.insert(scope, event, starts);
            return event;
        });
    }
}

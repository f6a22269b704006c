package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.util.List;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventDraft;
import org.agentworkspace.core.domain.EventException;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.EventRules;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.in.UpdateEvent;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Merges the sent fields onto the stored event and validates the whole. The write is conditional
 * on the version that was read. When it loses a race: with {@code If-Match} that is a
 * {@link PreconditionFailed}; without, the caller asked for "these fields, whatever the rest is",
 * so the merge is redone once on the fresh event, and a second lost race is a
 * {@link PreconditionFailed} rather than an endless loop. A series keeps its exceptions unless
 * the change makes them name other occurrences ({@link SeriesChanges}).
 */
final class UpdateEventService implements UpdateEvent {
    private final Transactions transactions;
    private final EventRepository events;
    private final Ownership ownership;
    private final StorageClock clock;
    private final SeriesBounds bounds;

    UpdateEventService(Transactions transactions, EventRepository events, Ownership ownership, StorageClock clock,
                       SeriesBounds bounds) {
        this.transactions = transactions;
        this.events = events;
        this.ownership = ownership;
        this.clock = clock;
        this.bounds = bounds;
    }

    @Override
    public Event update(AgentPrincipal agent, String eventId, EventInput input, OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_WRITE);
        EventId id = EventId.parse(eventId).orElseThrow(() -> new NotFound("Event"));
        EventDraft changes = EventDrafts.of(input);
        return transactions.inTransaction(scope, () -> {
            int attempts = expectedVersion.isPresent() ? 1 : 2;
            for (int attempt = 1; ; attempt++) {
                Event stored = events.find(scope, id).orElseThrow(() -> new NotFound("Event"));
                if (expectedVersion.isPresent() && expectedVersion.getAsLong() != stored.version()) {
                    throw new PreconditionFailed();
                }
                EventData data = EventRules.validate(changes.over(stored.data()));
                Event updated = new Event(stored.id(), stored.agentId(), data, stored.version() + 1,
                        stored.createdAt(), clock.now());
                List<EventException> kept = SeriesChanges.discardsExceptions(stored.data(), data) ? List.of()
                        : stored.exceptions();
                if (events.update(scope, updated, stored.version(), bounds.of(data, kept))) {
                    return SeriesChanges.afterUpdate(events, scope, stored, updated);
                }
                if (attempt >= attempts) {
                    throw new PreconditionFailed();
                }
            }
        });
    }
}

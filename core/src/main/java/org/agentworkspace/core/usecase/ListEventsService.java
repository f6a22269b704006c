package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventListing;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.QueryRules;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.ListEvents;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.EventWindow;
import org.agentworkspace.core.port.out.RecurrenceExpander;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Without expansion the repository pages stored events. With {@code expand=true} the window's
 * single events and the occurrences of every series (in the series' zone, else the agent's) are
 * merged, ordered by start then id, and only then paged, so {@code limit}/{@code offset} count
 * occurrences. More than {@link QueryRules#MAX_OCCURRENCES} in the window is refused before paging.
 */
final class ListEventsService implements ListEvents {
    private static final Comparator<Event> BY_START_THEN_ID =
            Comparator.comparing((Event e) -> e.data().start()).thenComparing(e -> e.id().value());

    private final Transactions transactions;
    private final EventRepository events;
    private final AgentRepository agents;
    private final SeriesExpansion expansion;
    private final Ownership ownership;
    private final OwnedAgents ownedAgents;

    ListEventsService(Transactions transactions, EventRepository events, AgentRepository agents,
            RecurrenceExpander recurrence, Ownership ownership, OwnedAgents ownedAgents) {
        this.transactions = transactions;
        this.events = events;
        this.agents = agents;
        this.expansion = new SeriesExpansion(recurrence);
        this.ownership = ownership;
        this.ownedAgents = ownedAgents;
    }

    @Override
    public List<Event> list(AgentPrincipal agent, EventQuery query) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_READ);
        EventListing listing = listing(query);
        return transactions.inTransaction(scope, () -> read(scope, listing, null));
    }

    @Override
    public List<Event> listForOwner(UserPrincipal user, String agentId, EventQuery query) {
        return ownedAgents.act(user, agentId, Access.READ, (agent, scope) -> read(scope, listing(query), agent));
    }

    private static EventListing listing(EventQuery q) {
        return QueryRules.events(q.startAfter(), q.startBefore(), q.limit(), q.offset(), q.expand());
    }

    private List<Event> read(AgentScope scope, EventListing listing, Agent knownAgent) {
        if (!listing.expand()) {
            return events.list(scope, new EventWindow(listing.startAfter(), listing.startBefore(),
                    listing.limit(), listing.offset()));
        }
        List<Event> candidates = events
                .candidatesForExpansion(scope, listing.startAfter(), listing.startBefore());
        List<Event> all = new ArrayList<>();
        ZoneId agentZone = null;
        for (Event event : candidates) {
            if (!event.data().recurring()) {
                Event single = event;
                if (!single.data().start().isBefore(listing.startAfter())
                        && single.data().start().isBefore(listing.startBefore())) {
                    all.add(single);
                }
            } else {
                ZoneId zone = event.data().timezone();
                if (zone == null) {
                    if (agentZone == null) {
                        agentZone = (knownAgent != null ? knownAgent
                                : agents.get(scope).orElseThrow(() -> new NotFound("Agent"))).timezone();
                    }
                    zone = agentZone;
                }
                int room = QueryRules.MAX_OCCURRENCES + 1 - all.size();
                all.addAll(expansion.occurrences(event, zone, listing.startAfter(), listing.startBefore(), room));
            }
            if (all.size() > QueryRules.MAX_OCCURRENCES) {
                throw ValidationFailed.of("expand", "the window holds more than " + QueryRules.MAX_OCCURRENCES
                        + " occurrences; narrow start_after/start_before");
            }
        }
        all.sort(BY_START_THEN_ID);
        int from = Math.min(listing.offset(), all.size());
        int to = Math.min(all.size(), from + listing.limit());
        return List.copyOf(all.subList(from, to));
    }
}

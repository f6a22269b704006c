package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventListing;
import org.agentworkspace.core.domain.QueryRules;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.TimeWindow;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.ListOccurrences;
import org.agentworkspace.core.port.out.Transactions;

/** One series' occurrences in a window, with the limits and 10,000 cap of {@code expand=true}. */
final class ListOccurrencesService implements ListOccurrences {
    private final Transactions transactions;
    private final SeriesWrites series;
    private final Ownership ownership;

    ListOccurrencesService(Transactions transactions, SeriesWrites series, Ownership ownership) {
        this.transactions = transactions;
        this.series = series;
        this.ownership = ownership;
    }

    @Override
    public List<Event> list(AgentPrincipal agent, String eventId, EventQuery query) {
        AgentScope scope = ownership.scopeFor(agent, Scope.EVENTS_READ);
        return transactions.inTransaction(scope, () -> {
            // An unknown or foreign series is a 404 whatever the query, like every id of the API.
            Event stored = series.series(scope, eventId);
            TimeWindow window = QueryRules.requiredWindow(query.startAfter(), query.startBefore(), 0);
            EventListing page = QueryRules.events(query.startAfter(), query.startBefore(), query.limit(),
                    query.offset(), null);
            List<Event> all = series.expansion().occurrences(stored, series.zoneOf(scope, stored), window.from(),
                    window.before(), QueryRules.MAX_OCCURRENCES + 1);
            if (all.size() > QueryRules.MAX_OCCURRENCES) {
                throw ValidationFailed.of("start_before", "the window holds more than " + QueryRules.MAX_OCCURRENCES
                        + " occurrences; narrow start_after/start_before");
            }
            int from = Math.min(page.offset(), all.size());
            return List.copyOf(all.subList(from, Math.min(all.size(), from + page.limit())));
        });
    }
}

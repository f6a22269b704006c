package org.agentworkspace.core.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.BusyInterval;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.FreeBusy;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.QueryRules;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.TimeWindow;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.GetFreeBusy;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.Transactions;

/**
 * Free/busy: the same events and occurrences {@code expand=true} lists for the window (the same
 * expansion, the same 10,000 cap), as time spans, merged where they overlap or touch.
 */
final class GetFreeBusyService implements GetFreeBusy {
    private final Transactions transactions;
    private final EventRepository events;
    private final AgentRepository agents;
    private final SeriesExpansion expansion;
    private final Ownership ownership;

    GetFreeBusyService(Transactions transactions, EventRepository events, AgentRepository agents,
                       SeriesExpansion expansion, Ownership ownership) {
        this.transactions = transactions;
        this.events = events;
        this.agents = agents;
        this.expansion = expansion;
        this.ownership = ownership;
    }

    @Override
    public FreeBusy get(AgentPrincipal principal, String startAfter, String startBefore) {
        AgentScope scope = ownership.scopeFor(principal, Scope.EVENTS_READ);
        TimeWindow window = QueryRules.requiredWindow(startAfter, startBefore, QueryRules.MAX_FREE_BUSY_DAYS);
        return transactions.inTransaction(scope, () -> {
            Agent agent = agents.get(scope).orElseThrow(() -> new NotFound("Agent"));
            ZoneId agentZone = agent.timezone();
            List<BusyInterval> spans = new ArrayList<>();
            int count = 0;
            for (Event event : events.candidatesForExpansion(scope, window.from(), window.before())) {
                List<Event> found;
                if (event.data().recurring()) {
                    ZoneId zone = event.data().timezone() != null ? event.data().timezone() : agentZone;
                    found = expansion.occurrences(event, zone, window.from(), window.before(),
                            QueryRules.MAX_OCCURRENCES + 1 - count);
                } else {
                    Instant start = event.data().start();
                    found = !start.isBefore(window.from()) && start.isBefore(window.before()) ? List.of(event) : List.of();
                }
                count += found.size();
                if (count > QueryRules.MAX_OCCURRENCES) {
                    throw ValidationFailed.of("start_before", "the window holds more than "
                            + QueryRules.MAX_OCCURRENCES + " occurrences; narrow start_after/start_before");
                }
                for (Event e : found) {
                    BusyInterval span = span(e.data(), agentZone);
                    if (span.end().isAfter(span.start())) {
                        spans.add(span);
                    }
                }
            }
            return new FreeBusy(merged(spans), agentZone);
        });
    }

    /** An event's busy time; all-day dates name midnights in the agent's zone, the end exclusive. */
    private static BusyInterval span(EventData d, ZoneId agentZone) {
        if (!d.allDay()) {
            return new BusyInterval(d.start(), d.end());
        }
        LocalDate first = LocalDate.ofInstant(d.start(), ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(d.end(), ZoneOffset.UTC);
        if (!end.isAfter(first)) {
            end = first.plusDays(1);
        }
        return new BusyInterval(first.atStartOfDay(agentZone).toInstant(), end.atStartOfDay(agentZone).toInstant());
    }

    static List<BusyInterval> merged(List<BusyInterval> spans) {
        List<BusyInterval> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
        List<BusyInterval> result = new ArrayList<>();
        for (BusyInterval span : sorted) {
            if (!result.isEmpty() && !span.start().isAfter(result.get(result.size() - 1).end())) {
                BusyInterval last = result.remove(result.size() - 1);
                result.add(new BusyInterval(last.start(), span.end().isAfter(last.end()) ? span.end() : last.end()));
            } else {
                result.add(span);
            }
        }
        return result;
    }
}

package org.agentworkspace.mcp;

import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.FindFreeSlots;

/** {@code find_free_slots}: free time of a given length, from core's free/busy. */
final class FindFreeSlotsTool extends WorkspaceTool {
    private static final String LOCAL_TIME = "a local time HH:MM in the agent's zone (whoami)";

    private final FindFreeSlots findFreeSlots;

    FindFreeSlotsTool(FindFreeSlots findFreeSlots) {
        super("find_free_slots", "Find free slots", Effect.READS, List.of(Scope.EVENTS_READ),
                "Free time of at least duration_minutes in a window of at most 366 days: the gaps between the "
                        + "agent's busy intervals (as get_free_busy has them, plus events that began before "
                        + "start_after and still run), each as one maximal free interval in UTC; any part of one "
                        + "that is long enough is free. With day_start and/or day_end only those hours of each "
                        + "local day count, following the zone's daylight-saving changes. Example: start_after "
                        + "2026-12-07T00:00:00+01:00, start_before 2026-12-12T00:00:00+01:00, duration_minutes 30, "
                        + "day_start 09:00, day_end 17:30.",
                Schema.object()
                        .string("start_after", "Search from this instant: " + EventFields.INSTANT + ".")
                        .string("start_before", "Search up to this instant (exclusive), same form; after "
                                + "start_after and at most 366 days later.")
                        .integer("duration_minutes", "How long the free time must be at least, in minutes, "
                                + "1–1440, e.g. 30.", 1, 1440)
                        .string("day_start", "Only time from " + LOCAL_TIME + " on each day, e.g. 09:00; "
                                + "default 00:00.")
                        .string("day_end", "Only time until " + LOCAL_TIME + " on each day, after day_start, "
                                + "e.g. 17:30; 24:00 is the day's end (default). Hours across midnight are not "
                                + "supported: ask for the evening and the morning separately.")
                        .required("start_after", "start_before", "duration_minutes"),
                Outputs.spans("free"));
        this.findFreeSlots = findFreeSlots;
    }

    @Override
    ToolOutput call(AgentPrincipal agent, Arguments a) {
        FindFreeSlots.SlotQuery query = new FindFreeSlots.SlotQuery(a.required("start_after"),
                a.required("start_before"), a.integerText("duration_minutes"), a.string("day_start").orElse(null),
                a.string("day_end").orElse(null));
        return ToolOutput.of(McpJson.freeSlots(findFreeSlots.find(agent, query)));
    }
}

package org.agentworkspace.core.port.in;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * Free time of at least a given length in a window, computed from the agent's free/busy (so it sees
 * exactly the busy time {@link GetFreeBusy} reports), optionally only between {@code day_start} and
 * {@code day_end} of each local day in the agent's zone.
 */
public interface FindFreeSlots {

    /**
     * @return the maximal free intervals inside the window (and inside each day's hours when given)
     *     that are at least {@code durationMinutes} long, sorted, and the agent's zone
     * @throws org.agentworkspace.core.domain.ValidationFailed naming every bad argument
     */
    FreeSlots find(AgentPrincipal agent, SlotQuery query);

    /**
     * The arguments as received, {@code null} when absent: {@code startAfter}/{@code startBefore}
     * ISO 8601 instants (both required, at most 366 days apart), {@code durationMinutes} 1 to 1440
     * (required), {@code dayStart}/{@code dayEnd} local times {@code HH:MM} ({@code dayEnd} may be
     * {@code 24:00}).
     */
    record SlotQuery(String startAfter, String startBefore, String durationMinutes, String dayStart,
                     String dayEnd) {
    }

    /** One free interval [{@code start}, {@code end}). */
    record Slot(Instant start, Instant end) {
        public Slot {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    record FreeSlots(List<Slot> free, ZoneId timezone) {
        public FreeSlots {
            free = List.copyOf(free);
            Objects.requireNonNull(timezone, "timezone");
        }
    }
}

package org.agentworkspace.core.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** An agent's busy time in a window: disjoint intervals sorted by start, and the agent's zone. */
public record FreeBusy(List<BusyInterval> busy, ZoneId timezone) {
    public FreeBusy {
        busy = List.copyOf(busy);
        Objects.requireNonNull(timezone, "timezone");
    }
}

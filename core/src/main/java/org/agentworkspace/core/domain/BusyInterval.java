package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/** A span of time in which the agent is busy: [{@code start}, {@code end}), {@code end} after {@code start}. */
public record BusyInterval(Instant start, Instant end) {
    public BusyInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}

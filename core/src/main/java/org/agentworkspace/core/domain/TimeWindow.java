package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/** A validated window of starts: [{@code from}, {@code before}). */
public record TimeWindow(Instant from, Instant before) {
    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
    }
}

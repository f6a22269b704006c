package org.agentworkspace.core.port.out;

import java.time.Instant;

/** One occurrence of a recurring event. */
public record Occurrence(Instant start, Instant end) {
}

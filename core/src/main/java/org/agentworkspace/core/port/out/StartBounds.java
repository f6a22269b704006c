package org.agentworkspace.core.port.out;

import java.time.Instant;

/**
 * Where the occurrences of an event can start (issue 21): none before {@code first}, none after
 * {@code last}, moved ones included; {@code null} on either side means unbounded there. Stored
 * with the event at every write, so a window read skips the series that cannot reach it.
 */
public record StartBounds(Instant first, Instant last) {
    /** Nothing known: every window reads the event. Always safe. */
    public static final StartBounds UNBOUNDED = new StartBounds(null, null);

    public StartBounds {
        if (first != null && last != null && last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
    }

    /** True when an occurrence can start in [{@code from}, {@code before}). */
    public boolean reaches(Instant from, Instant before) {
        return (first == null || first.isBefore(before)) && (last == null || !last.isBefore(from));
    }
}

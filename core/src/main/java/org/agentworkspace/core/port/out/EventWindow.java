package org.agentworkspace.core.port.out;

import java.time.Instant;

/**
 * Which stored events a list reads: start in [{@code startAfter}, {@code startBefore}) where a
 * {@code null} bound is open, ordered by start then id, paged by {@code limit}/{@code offset}.
 */
public record EventWindow(Instant startAfter, Instant startBefore, int limit, int offset) {
}

package org.agentworkspace.core.domain;

import java.time.Instant;

/**
 * A validated event list request: the window ({@code null} bound = open; {@code startAfter}
 * inclusive, {@code startBefore} exclusive, both on the start), the page, and whether recurring
 * series are expanded into occurrences (then both bounds are set).
 */
public record EventListing(Instant startAfter, Instant startBefore, int limit, int offset, boolean expand) {
}

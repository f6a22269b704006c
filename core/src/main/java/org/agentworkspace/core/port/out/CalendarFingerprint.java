package org.agentworkspace.core.port.out;

import java.time.Instant;

/**
 * What changes whenever any event of a calendar changes: the number of events and the latest
 * {@code updatedAt} ({@code null} when there are none). Cheap to read; backs the feed's ETag.
 */
public record CalendarFingerprint(long eventCount, Instant lastChange) {
}

package org.agentworkspace.core.port.out;

import java.time.Instant;

/**
 * What changes whenever any event of a calendar changes, cheap to read; backs the feed's ETag
 * and Last-Modified.
 *
 * @param revision grows with every write to the calendar's events (0 before the first)
 * @param lastChange the latest write to the calendar's events — an event's {@code updatedAt},
 *     or when one was deleted; never goes back; {@code null} before the first write
 */
public record CalendarFingerprint(long revision, Instant lastChange) {
}

package org.agentworkspace.core.port.out;

import java.time.Instant;

/** Removes tombstones of the change log, across all agents; safe to run on several instances at once. */
public interface ChangeLogPurge {

    /** Deletes at most {@code limit} tombstones of deletions before {@code before}; answers how many. */
    int purgeTombstones(Instant before, int limit);
}

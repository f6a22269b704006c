package org.agentworkspace.core.domain;

import java.util.List;
import java.util.Objects;

/** One page of {@code /api/v1/changes}: the changes, the cursor to continue with, and whether more wait. */
public record ChangesPage(List<Change> changes, String nextCursor, boolean hasMore) {
    public ChangesPage {
        changes = List.copyOf(changes);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}

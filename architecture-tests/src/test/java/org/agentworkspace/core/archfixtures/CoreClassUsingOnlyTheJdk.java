package org.agentworkspace.core.archfixtures;

import java.time.Instant;
import java.util.List;
import org.agentworkspace.core.domain.EventId;

/** Keeps the rule: JDK and core types only, arrays and primitives included. */
public class CoreClassUsingOnlyTheJdk {
    public List<EventId> ids(EventId[] ids, int max, Instant at) {
        return List.of(ids).subList(0, Math.min(max, ids.length));
    }
}

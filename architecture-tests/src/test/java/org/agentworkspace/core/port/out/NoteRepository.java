package org.agentworkspace.core.port.out;

import java.util.Optional;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.ownership.AgentScope;

/** Breaks "every public method of a scoped repository takes a scope" once, with {@code findById}. */
public interface NoteRepository {
    Optional<String> find(AgentScope scope, EventId id);

    Optional<String> findById(EventId id);
}

package org.agentworkspace.core.port.out;

import java.util.List;
import org.agentworkspace.core.domain.Change;
import org.agentworkspace.core.domain.ChangePosition;
import org.agentworkspace.core.ownership.AgentScope;

/**
 * The scope's agent's change log: the latest change of each of its events and documents, in the
 * order of their positions. Written by the storage itself in the transaction of each write.
 */
public interface ChangeRepository {

    /**
     * The visibility horizon now: every transaction id below it has ended, every running or later
     * one is at or above it. A full sync remembers it to leave out deletions older than itself.
     */
    long horizon(AgentScope scope);

    /**
     * Up to {@code limit} changes after {@code after}, in position order, only below the current
     * visibility horizon (so nothing committed later can land before the last one returned), each
     * with the object's current state; deletions by transactions below {@code deletionsFrom} are
     * left out. Documents come without content.
     */
    List<Change> page(AgentScope scope, ChangePosition after, long deletionsFrom, int limit);
}

package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface UpdateEvent {

    /**
     * Changes only the fields present in {@code input} ({@code null} clears optional ones), then
     * validates the whole result.
     *
     * @param expectedVersion from {@code If-Match}; empty when the caller sent none
     * @throws org.agentworkspace.core.domain.PreconditionFailed when the version does not match
     */
    Event update(AgentPrincipal agent, String eventId, EventInput input, OptionalLong expectedVersion);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.ChangesPage;
import org.agentworkspace.core.ownership.AgentPrincipal;

/** {@code GET /api/v1/changes}: a full sync without a cursor, then what changed after each page. */
public interface ListChanges {

    /**
     * @param cursor the previous page's {@code nextCursor}, or null to start a full sync
     * @param limit as received (1 to 500, default 100), or null
     * @throws org.agentworkspace.core.domain.CursorExpired for an old, unknown or another agent's cursor
     * @throws org.agentworkspace.core.domain.ValidationFailed for a bad limit
     */
    ChangesPage list(AgentPrincipal agent, String cursor, String limit);
}

package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.ownership.UserPrincipal;

/** {@code GET /api/dashboard/agents/{agentId}/keys}: the agent's live keys, oldest first, never a secret. */
public interface ListApiKeys {

    /** @throws org.agentworkspace.core.domain.NotFound for someone else's or an unknown agent */
    List<AgentKey> list(UserPrincipal user, String agentId);
}

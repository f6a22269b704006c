package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.ownership.UserPrincipal;

/** {@code POST /api/dashboard/agents/{agentId}/keys}: one more key for the agent, its secret shown once. */
public interface CreateApiKey {

    /**
     * @throws org.agentworkspace.core.domain.ValidationFailed naming every bad field
     * @throws org.agentworkspace.core.domain.NotFound for someone else's or an unknown agent
     */
    IssuedKey create(UserPrincipal user, String agentId, KeyInput input);
}

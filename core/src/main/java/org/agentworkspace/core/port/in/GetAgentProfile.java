package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.AgentPrincipal;

/** {@code GET /api/v1/me}: the calling agent. */
public interface GetAgentProfile {

    Agent me(AgentPrincipal agent);
}

package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface DeleteDocument {

    void delete(AgentPrincipal agent, String documentId, OptionalLong expectedVersion);
}

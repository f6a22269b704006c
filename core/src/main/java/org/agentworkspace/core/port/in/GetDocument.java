package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface GetDocument {

    Document get(AgentPrincipal agent, String documentId);
}

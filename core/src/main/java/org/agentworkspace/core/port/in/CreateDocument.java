package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface CreateDocument {

    Document create(AgentPrincipal agent, DocumentInput input);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface GetDocument {

    Document get(AgentPrincipal agent, String documentId);

    /** The owner's read-only view of one document of one of their agents. */
    Document getForOwner(UserPrincipal user, String agentId, String documentId);
}

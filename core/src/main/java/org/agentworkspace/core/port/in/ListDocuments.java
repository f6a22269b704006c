package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface ListDocuments {

    /** Newest first; without content the documents carry an empty content string. */
    List<Document> list(AgentPrincipal agent, boolean includeContent);

    /** The owner's read-only view; another user's or an unknown agent is {@code NotFound}. */
    List<Document> listForOwner(UserPrincipal user, String agentId, boolean includeContent);
}

package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface ListDocuments {

    /** Newest first; without content the documents carry an empty content string. */
    List<Document> list(AgentPrincipal agent, boolean includeContent);
}

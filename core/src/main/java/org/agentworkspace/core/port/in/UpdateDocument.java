package org.agentworkspace.core.port.in;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.AgentPrincipal;

public interface UpdateDocument {

    /** Title and content only; a {@code type} that differs from the stored one is a validation issue. */
    Document update(AgentPrincipal agent, String documentId, DocumentInput input, OptionalLong expectedVersion);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.UserPrincipal;

public interface DeleteAgent {

    /** Deletes the agent and all its data; its key and feeds stop working in the same commit. */
    void delete(UserPrincipal user, String agentId);
}

package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.ownership.UserPrincipal;

/** {@code GET /api/dashboard/me}. */
public interface GetCurrentUser {

    User me(UserPrincipal user);
}

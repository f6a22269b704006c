package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.UserPrincipal;

/** Step one of the chain for humans: a session token becomes a principal. */
public interface AuthenticateUser {

    /**
     * Verifies the token, refuses tombstoned (deleted) users, and provisions a user seen for the
     * first time.
     *
     * @throws org.agentworkspace.core.domain.Unauthenticated for any bad token or deleted user
     */
    UserPrincipal authenticate(String sessionToken);
}

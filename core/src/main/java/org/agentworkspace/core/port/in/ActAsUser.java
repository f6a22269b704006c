package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.UserPrincipal;

/**
 * The operator's command line acting for a user it names ({@code user add}, {@code agent create
 * --owner}). Never reachable over HTTP: whoever runs the jar already holds the database.
 */
public interface ActAsUser {

    /** Creates or updates the user and returns them as a principal. */
    UserPrincipal addUser(UserProfile profile);

    /** @throws org.agentworkspace.core.domain.NotFound when no such user exists */
    UserPrincipal actAs(String userId);

    /** The owner of the agent, for commands that name an agent only. @throws org.agentworkspace.core.domain.NotFound when there is no such agent */
    UserPrincipal actAsOwnerOf(String agentId);
}

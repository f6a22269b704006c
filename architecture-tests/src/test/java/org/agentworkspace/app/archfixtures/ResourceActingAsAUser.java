package org.agentworkspace.app.archfixtures;

import jakarta.ws.rs.Path;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ActAsUser;

/** Breaks "no resource touches a repository or ActAsUser": a route acting as whichever user it is told. */
@Path("act-as")
public class ResourceActingAsAUser {
    private final ActAsUser actAsUser;

    public ResourceActingAsAUser(ActAsUser actAsUser) {
        this.actAsUser = actAsUser;
    }

    public UserPrincipal act(String userId) {
        return actAsUser.actAs(userId);
    }
}

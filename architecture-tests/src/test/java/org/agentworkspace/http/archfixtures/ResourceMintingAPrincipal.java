package org.agentworkspace.http.archfixtures;

import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;

/** Breaks "only use cases ask Ownership": a web class minting a principal for an id it was given. */
public class ResourceMintingAPrincipal {
    public UserPrincipal mint(String victim) {
        return new Ownership().userPrincipal(new UserId(victim));
    }
}

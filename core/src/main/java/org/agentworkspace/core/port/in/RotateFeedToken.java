package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface RotateFeedToken {

    /** A new token and URL; the old URL fails from the commit of this call. */
    Subscription rotate(UserPrincipal user, String agentId, String subscriptionId);
}

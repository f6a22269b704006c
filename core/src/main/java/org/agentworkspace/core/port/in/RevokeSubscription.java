package org.agentworkspace.core.port.in;

import org.agentworkspace.core.ownership.UserPrincipal;

public interface RevokeSubscription {

    void revoke(UserPrincipal user, String agentId, String subscriptionId);
}

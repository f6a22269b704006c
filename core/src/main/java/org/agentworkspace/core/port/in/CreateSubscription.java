package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface CreateSubscription {

    Subscription create(UserPrincipal user, String agentId, SubscriptionInput input);
}

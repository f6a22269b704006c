package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.GetCurrentUser;

final class GetCurrentUserService implements GetCurrentUser {
    private final Chain chain;

    GetCurrentUserService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public User me(UserPrincipal user) {
        OwnerScope scope = chain.ownership.scopeFor(user);
        return chain.ports.transactions().inTransaction(scope,
                () -> chain.ports.users().find(scope.userId()).orElseThrow(() -> new NotFound("User")));
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.GetCurrentUser;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.UserRepository;

final class GetCurrentUserService implements GetCurrentUser {
    private final Transactions transactions;
    private final UserRepository users;
    private final Ownership ownership;

    GetCurrentUserService(Transactions transactions, UserRepository users, Ownership ownership) {
        this.transactions = transactions;
        this.users = users;
        this.ownership = ownership;
    }

    @Override
    public User me(UserPrincipal user) {
        OwnerScope scope = ownership.scopeFor(user);
        return transactions.inTransaction(scope,
                () -> users.find(scope.userId()).orElseThrow(() -> new NotFound("User")));
    }
}

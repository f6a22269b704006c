package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AuthenticateUser;
import org.agentworkspace.core.port.out.VerifiedSession;

final class AuthenticateUserService implements AuthenticateUser {
    private final Chain chain;

    AuthenticateUserService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public UserPrincipal authenticate(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            throw new Unauthenticated();
        }
        // Verification may fetch keys over the network: done before a transaction is opened.
        VerifiedSession session = chain.ports.sessions().verify(sessionToken);
        // One statement: provisioning refuses a tombstoned id itself, so a deleted user's stale
        // session cannot bring the user back.
        User user = chain.ports.transactions().inSingleStatement(
                () -> chain.ports.users().provision(UserProfile.idOnly(session.userId()), chain.now()))
                .orElseThrow(Unauthenticated::new);
        return chain.ownership.userPrincipal(user.id());
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AuthenticateUser;
import org.agentworkspace.core.port.out.SessionVerifier;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.UserRepository;
import org.agentworkspace.core.port.out.VerifiedSession;

final class AuthenticateUserService implements AuthenticateUser {
    private final SessionVerifier sessions;
    private final Transactions transactions;
    private final UserRepository users;
    private final Ownership ownership;
    private final StorageClock clock;

    AuthenticateUserService(SessionVerifier sessions, Transactions transactions, UserRepository users,
            Ownership ownership, StorageClock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.users = users;
        this.ownership = ownership;
        this.clock = clock;
    }

    @Override
    public UserPrincipal authenticate(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            throw new Unauthenticated();
        }
        // Verification may fetch keys over the network: done before a transaction is opened.
        VerifiedSession session = sessions.verify(sessionToken);
        // A read first, so a known user's request writes nothing (issue 21). A deleted user has no
        // row; provisioning refuses a tombstoned id itself, so a stale session cannot bring them back.
        User user = transactions.inSingleStatement(() -> users.find(session.userId()))
                .or(() -> transactions.inSingleStatement(
                        () -> users.provision(UserProfile.idOnly(session.userId()), clock.now())))
                .orElseThrow(Unauthenticated::new);
        return ownership.userPrincipal(user.id());
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ActAsUser;
import org.agentworkspace.core.port.out.Transactions;
import org.agentworkspace.core.port.out.UserRepository;

final class ActAsUserService implements ActAsUser {
    private final Transactions transactions;
    private final UserRepository users;
    private final Ownership ownership;
    private final StorageClock clock;

    ActAsUserService(Transactions transactions, UserRepository users, Ownership ownership, StorageClock clock) {
        this.transactions = transactions;
        this.users = users;
        this.ownership = ownership;
        this.clock = clock;
    }

    @Override
    public UserPrincipal addUser(UserProfile profile) {
        String nulField = Text.nulFieldOf(profile);
        if (nulField != null) {
            throw ValidationFailed.of(nulField, Text.nulMessage(nulField));
        }
        User user = transactions.inTransaction(() -> users.upsert(profile, clock.now()));
        return ownership.userPrincipal(user.id());
    }

    @Override
    public UserPrincipal actAs(String userId) {
        UserId id;
        try {
            id = new UserId(userId == null ? "" : userId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("User");
        }
        User user = transactions
                .inTransaction(() -> users.find(id))
                .orElseThrow(() -> new NotFound("User"));
        return ownership.userPrincipal(user.id());
    }

    @Override
    public UserPrincipal actAsOwnerOf(String agentId) {
        AgentId id = AgentId.parse(agentId).orElseThrow(() -> new NotFound("Agent"));
        UserId owner = transactions.inSingleStatement(() -> users.ownerOfAgent(id)).orElseThrow(() -> new NotFound("Agent"));
        return ownership.userPrincipal(owner);
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ActAsUser;

final class ActAsUserService implements ActAsUser {
    private final Chain chain;

    ActAsUserService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public UserPrincipal addUser(UserProfile profile) {
        String nulField = Text.nulFieldOf(profile);
        if (nulField != null) {
            throw ValidationFailed.of(nulField, Text.nulMessage(nulField));
        }
        User user = chain.ports.transactions().inTransaction(() -> chain.ports.users().upsert(profile, chain.now()));
        return chain.ownership.userPrincipal(user.id());
    }

    @Override
    public UserPrincipal actAs(String userId) {
        UserId id;
        try {
            id = new UserId(userId == null ? "" : userId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("User");
        }
        User user = chain.ports.transactions()
                .inTransaction(() -> chain.ports.users().find(id))
                .orElseThrow(() -> new NotFound("User"));
        return chain.ownership.userPrincipal(user.id());
    }
}

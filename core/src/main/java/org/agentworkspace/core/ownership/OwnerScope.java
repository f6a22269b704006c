package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.UserId;

/**
 * Proof that the caller is this user: admits the user's own agents and nothing else.
 * Only {@link Ownership} mints it.
 */
public final class OwnerScope {
    private final UserId userId;

    OwnerScope(UserId userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
    }

    public UserId userId() {
        return userId;
    }

    @Override
    public String toString() {
        return "OwnerScope[" + userId + "]";
    }
}

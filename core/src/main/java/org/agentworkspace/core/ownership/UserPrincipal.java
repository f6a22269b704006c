package org.agentworkspace.core.ownership;

import java.util.Objects;
import org.agentworkspace.core.domain.UserId;

/**
 * A human proven by a verified session token (or, for the operator's command line, named by the
 * operator). Only {@link Ownership} creates one.
 */
public final class UserPrincipal {
    private final UserId userId;

    UserPrincipal(UserId userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
    }

    public UserId userId() {
        return userId;
    }

    @Override
    public String toString() {
        return "user:" + userId;
    }
}

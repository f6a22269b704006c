package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;

/** What a verified Clerk webhook delivery asks for. */
public sealed interface UserChange {

    /** {@code user.created} or {@code user.updated}. */
    record Upsert(UserProfile profile) implements UserChange {
    }

    /** {@code user.deleted}: the user and everything they own go, and a tombstone stays. */
    record Delete(UserId userId) implements UserChange {
    }

    /** Any other event type: acknowledged, nothing changes. */
    record Ignore(String eventType) implements UserChange {
    }
}

package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;

/**
 * Users and the tombstones of deleted users. Users are the root of ownership, so these methods
 * are keyed by the user id that a verified session or a verified webhook names.
 */
public interface UserRepository {

    Optional<User> find(UserId id);

    /** The owner of the agent with this id; empty when there is no such agent (operator's command line only). */
    Optional<UserId> ownerOfAgent(org.agentworkspace.core.domain.AgentId agentId);

    /**
     * Inserts the user when absent and not tombstoned; returns the stored user, or empty when the
     * id is tombstoned (a deleted user never comes back through a stale session).
     */
    Optional<User> provision(UserProfile profile, Instant now);

    /** Inserts or updates the profile and clears nothing else; a tombstone is lifted (Clerk re-created the id). */
    User upsert(UserProfile profile, Instant now);

    /**
     * Deletes the user with every agent and datum they own, and leaves a tombstone.
     *
     * @return whether a user row existed
     */
    boolean delete(UserId id, Instant now);

    boolean isTombstoned(UserId id);
}

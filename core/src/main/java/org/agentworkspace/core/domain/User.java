package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A human who owns agents. Optional profile fields are {@code null} when Clerk has none.
 */
public record User(UserId id, String email, String firstName, String lastName, String imageUrl,
                   Instant createdAt, Instant updatedAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

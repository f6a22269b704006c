package org.agentworkspace.core.domain;

import java.util.Objects;

/** What Clerk tells us about a user; {@code null} fields are unknown. */
public record UserProfile(UserId id, String email, String firstName, String lastName, String imageUrl) {
    public UserProfile {
        Objects.requireNonNull(id, "id");
    }

    public static UserProfile idOnly(UserId id) {
        return new UserProfile(id, null, null, null, null);
    }
}

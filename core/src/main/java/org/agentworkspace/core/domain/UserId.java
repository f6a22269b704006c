package org.agentworkspace.core.domain;

import java.util.Objects;

/** A user's identity as Clerk names it ({@code user_…}), or the local owner in local mode. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 255;

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("user id must be 1 to " + MAX_LENGTH + " characters");
        }
        if (Text.containsNul(value)) {
            throw new IllegalArgumentException(Text.nulMessage("user id"));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

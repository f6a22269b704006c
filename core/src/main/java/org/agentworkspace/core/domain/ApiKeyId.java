package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one of an agent's API keys; not a secret (it is shown in lists and audit entries). */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<ApiKeyId> parse(String text) {
        return Uuids.parse(text).map(ApiKeyId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

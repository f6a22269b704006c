package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one subscription. Unknown and malformed ids alike are "not found" to callers. */
public record SubscriptionId(UUID value) {
    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    public static SubscriptionId random() {
        return new SubscriptionId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<SubscriptionId> parse(String text) {
        return Uuids.parse(text).map(SubscriptionId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

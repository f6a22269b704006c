package org.agentworkspace.core.domain;

import java.util.Objects;

/** The validated settings of a new subscription; {@code label} and {@code email} are {@code null} when unset. */
public record SubscriptionData(String label, String email, FeedDetail detail) {
    public SubscriptionData {
        Objects.requireNonNull(detail, "detail");
    }
}

package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.Objects;
import org.agentworkspace.core.domain.StoredResponse;

/** The first response to a write sent with an {@code Idempotency-Key}, kept for replay until {@code expiresAt}. */
public record IdempotencyRecord(String key, String requestFingerprint, StoredResponse response, Instant createdAt,
                                Instant expiresAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

package org.agentworkspace.core.port.in;

import java.util.Objects;

/**
 * A write sent with {@code Idempotency-Key}: the key (1–255 characters) and a fingerprint of what
 * makes two requests "the same" (method, path and a digest of the body).
 */
public record IdempotentRequest(String key, String fingerprint) {
    public static final int MAX_KEY_LENGTH = 255;

    public IdempotentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}

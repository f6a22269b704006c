package org.agentworkspace.core.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A response as first sent for an idempotent write: status, the headers worth replaying
 * ({@code Location}, {@code ETag}, {@code Content-Type}) and the body bytes as UTF-8 text.
 */
public record StoredResponse(int status, Map<String, String> headers, String body) {
    public StoredResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }
}

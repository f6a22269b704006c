package org.agentworkspace.core.domain;

import java.util.Objects;

/** A key just created or rotated, with its secret, which is shown this once and never stored. */
public record IssuedKey(AgentKey key, ApiKey secret) {
    public IssuedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}

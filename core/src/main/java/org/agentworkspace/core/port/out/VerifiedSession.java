package org.agentworkspace.core.port.out;

import java.time.Instant;
import java.util.Objects;
import org.agentworkspace.core.domain.UserId;

/** A session token whose signature and claims checked out: who it names and until when. */
public record VerifiedSession(UserId userId, Instant expiresAt) {
    public VerifiedSession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

package org.agentworkspace.core.domain;

/** An idempotency key was reused with a different request body (422). */
public final class IdempotencyMismatch extends WorkspaceException {
    public IdempotencyMismatch() {
        super("Idempotency-Key was already used with a different request");
    }
}

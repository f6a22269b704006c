package org.agentworkspace.core.domain;

/** A request with the same idempotency key is still running (409). */
public final class Conflict extends WorkspaceException {
    public Conflict(String message) {
        super(message);
    }
}

package org.agentworkspace.core.domain;

/**
 * Every failure a caller is meant to see. Each subtype maps to one status code and body of the
 * contract; anything else escaping a use case is a bug or an infrastructure failure.
 */
public abstract sealed class WorkspaceException extends RuntimeException
        permits NotFound, ValidationFailed, Unauthenticated, AgentNotWritable, AgentSuspended,
        PreconditionFailed, Conflict, IdempotencyMismatch, WebhookRejected, Unavailable, CursorExpired, ScopeMissing {

    protected WorkspaceException(String message) {
        super(message, null, false, false);
    }

    protected WorkspaceException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

package org.agentworkspace.core.domain;

/** A dependency (database, key source) cannot answer now, or a feature is not configured (503). */
public final class Unavailable extends WorkspaceException {
    public Unavailable(String message) {
        super(message);
    }

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

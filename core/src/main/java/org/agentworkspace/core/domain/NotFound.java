package org.agentworkspace.core.domain;

/** Absent, malformed, or someone else's: callers cannot tell which (404). */
public final class NotFound extends WorkspaceException {
    public NotFound(String what) {
        super(what + " not found");
    }
}

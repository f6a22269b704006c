package org.agentworkspace.core.domain;

/** Missing or invalid credential (401); the message never says which part was wrong. */
public final class Unauthenticated extends WorkspaceException {
    public Unauthenticated() {
        super("Unauthorized");
    }
}

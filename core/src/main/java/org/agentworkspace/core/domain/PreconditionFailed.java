package org.agentworkspace.core.domain;

/** {@code If-Match} named a version that is no longer current (412). */
public final class PreconditionFailed extends WorkspaceException {
    public PreconditionFailed() {
        super("Precondition failed: the resource has changed; fetch it again for its current ETag");
    }
}

package org.agentworkspace.core.domain;

/**
 * A sync cursor that is too old, unknown, tampered with or another agent's (410): the agent must
 * start a full sync. The message says so and reveals nothing about why the cursor failed.
 */
public final class CursorExpired extends WorkspaceException {
    public CursorExpired() {
        super("Cursor expired or unknown; start a full sync without a cursor");
    }
}

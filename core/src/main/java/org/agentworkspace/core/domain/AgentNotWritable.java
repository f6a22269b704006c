package org.agentworkspace.core.domain;

/** The agent is read-only: its key may read but not write (403). */
public final class AgentNotWritable extends WorkspaceException {
    public AgentNotWritable() {
        super("Agent is read-only");
    }
}

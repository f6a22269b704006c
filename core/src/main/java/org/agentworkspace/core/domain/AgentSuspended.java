package org.agentworkspace.core.domain;

/** The agent is suspended: its key may do nothing (403). */
public final class AgentSuspended extends WorkspaceException {
    public AgentSuspended() {
        super("Agent is suspended");
    }
}

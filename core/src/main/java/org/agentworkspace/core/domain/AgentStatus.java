package org.agentworkspace.core.domain;

import java.util.Optional;

/** What an agent's API key may still do. Feeds are not affected by the status. */
public enum AgentStatus {
    ACTIVE("active"),
    READ_ONLY("read_only"),
    SUSPENDED("suspended");

    private final String wireName;

    AgentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AgentStatus> fromWire(String name) {
        // Called for every agent row read: a loop over a shared array, not a stream over a copy.
        for (AgentStatus status : ALL) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static final AgentStatus[] ALL = values();
}

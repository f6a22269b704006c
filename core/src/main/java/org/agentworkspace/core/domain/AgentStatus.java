package org.agentworkspace.core.domain;

import java.util.Arrays;
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
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}

package org.agentworkspace.core.domain;

import java.time.ZoneId;
import java.util.Objects;

/** The validated, writable part of an agent; {@code description} is {@code null} when unset. */
public record AgentData(String name, String description, ZoneId timezone, AgentStatus status) {
    public AgentData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(status, "status");
    }
}

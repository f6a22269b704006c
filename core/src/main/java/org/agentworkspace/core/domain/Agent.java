package org.agentworkspace.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** An AI agent owned by one user; {@code description} is {@code null} when unset. */
public record Agent(AgentId id, UserId owner, String name, String description, ZoneId timezone,
                    AgentStatus status, Instant createdAt, Instant updatedAt) {
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

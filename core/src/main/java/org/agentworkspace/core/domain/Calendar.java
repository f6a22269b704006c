package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/** The one calendar of an agent; events belong to it. */
public record Calendar(CalendarId id, AgentId agentId, Instant createdAt) {
    public Calendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

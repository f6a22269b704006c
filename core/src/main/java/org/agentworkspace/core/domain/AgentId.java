package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one agent. Unknown and malformed ids alike are "not found" to callers. */
public record AgentId(UUID value) {
    public AgentId {
        Objects.requireNonNull(value, "value");
    }

    public static AgentId random() {
        return new AgentId(Uuids.timeOrdered());
    }

    /** Parses a path segment; empty when it is not a UUID, which callers report as not found. */
    public static Optional<AgentId> parse(String text) {
        return Uuids.parse(text).map(AgentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

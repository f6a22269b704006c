package org.agentworkspace.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One security event of an agent. {@code actor} names who caused it ({@code user:<id>},
 * {@code agent:<id>}, {@code system}); {@code detail} is a short human sentence, never a secret.
 */
public record AuditEntry(AuditEntryId id, AgentId agentId, AuditAction action, String actor, String detail,
                         Instant at) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.AuditRepository;

/** Appends an audit entry for the scope's agent, naming the scope's actor and the time now. */
final class AuditTrail {
    private final AuditRepository audit;
    private final StorageClock clock;

    AuditTrail(AuditRepository audit, StorageClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void append(AgentScope scope, AuditAction action, String detail) {
        audit.append(scope,
                new AuditEntry(AuditEntryId.random(), scope.agentId(), action, scope.actor(), detail, clock.now()));
    }
}

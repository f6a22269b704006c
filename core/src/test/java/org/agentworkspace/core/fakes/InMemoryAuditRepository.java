package org.agentworkspace.core.fakes;

import java.util.Comparator;
import java.util.List;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.AuditRepository;

public final class InMemoryAuditRepository implements AuditRepository {
    private final InMemoryDatabase db;

    public InMemoryAuditRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void append(AgentScope scope, AuditEntry entry) {
        if (!entry.agentId().equals(scope.agentId())) {
            throw new IllegalStateException("an audit entry belongs to the scope's agent");
        }
        db.audit.add(entry);
    }

    @Override
    public List<AuditEntry> list(AgentScope scope, int limit, int offset) {
        return db.audit.stream()
                .filter(a -> a.agentId().equals(scope.agentId()))
                .sorted(Comparator.comparing(AuditEntry::at).thenComparing(a -> a.id().value()).reversed())
                .skip(offset).limit(limit).toList();
    }
}

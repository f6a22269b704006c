package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.AUDIT_ENTRIES;

import java.util.Arrays;
import java.util.List;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.AuditEntryId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.AuditRepository;
import org.agentworkspace.persistence.generated.tables.records.AuditEntriesRecord;

/** Audit entries of the scope's agent, append-only. */
public final class JooqAuditRepository implements AuditRepository {
    private final JooqTransactions tx;

    public JooqAuditRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AgentScope scope, AuditEntry entry) {
        tx.dsl().insertInto(AUDIT_ENTRIES)
                .set(AUDIT_ENTRIES.ID, entry.id().value())
                .set(AUDIT_ENTRIES.AGENT_ID, scope.agentId().value())
                .set(AUDIT_ENTRIES.ACTION, entry.action().wireName())
                .set(AUDIT_ENTRIES.ACTOR, entry.actor())
                .set(AUDIT_ENTRIES.DETAIL, entry.detail())
                .set(AUDIT_ENTRIES.AT, entry.at())
                .execute();
    }

    @Override
    public List<AuditEntry> list(AgentScope scope, int limit, int offset) {
        return tx.dsl().selectFrom(AUDIT_ENTRIES).where(AUDIT_ENTRIES.AGENT_ID.eq(scope.agentId().value()))
                .orderBy(AUDIT_ENTRIES.AT.desc(), AUDIT_ENTRIES.ID.desc())
                .limit(limit).offset(offset)
                .fetch(JooqAuditRepository::toEntry);
    }

    private static AuditEntry toEntry(AuditEntriesRecord r) {
        AuditAction action = Arrays.stream(AuditAction.values()).filter(a -> a.wireName().equals(r.getAction()))
                .findFirst().orElseThrow(() -> new IllegalStateException("unknown audit action " + r.getAction()));
        return new AuditEntry(new AuditEntryId(r.getId()), new AgentId(r.getAgentId()), action, r.getActor(),
                r.getDetail(), r.getAt());
    }
}

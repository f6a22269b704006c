package org.agentworkspace.core.port.out;

import java.util.List;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.ownership.AgentScope;

/** Security events of the scope's agent. Append-only. */
public interface AuditRepository {

    void append(AgentScope scope, AuditEntry entry);

    /** Newest first, then by id descending. */
    List<AuditEntry> list(AgentScope scope, int limit, int offset);
}

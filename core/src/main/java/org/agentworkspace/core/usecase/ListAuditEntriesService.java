package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.Paging;
import org.agentworkspace.core.domain.QueryRules;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListAuditEntries;
import org.agentworkspace.core.port.in.PageQuery;
import org.agentworkspace.core.port.out.AuditRepository;

final class ListAuditEntriesService implements ListAuditEntries {
    private final OwnedAgents ownedAgents;
    private final AuditRepository audit;

    ListAuditEntriesService(OwnedAgents ownedAgents, AuditRepository audit) {
        this.ownedAgents = ownedAgents;
        this.audit = audit;
    }

    @Override
    public List<AuditEntry> list(UserPrincipal user, String agentId, PageQuery page) {
        return ownedAgents.act(user, agentId, Access.READ, (agent, scope) -> {
            Paging paging = QueryRules.page(page.limit(), page.offset(), QueryRules.DEFAULT_AUDIT_LIMIT);
            return audit.list(scope, paging.limit(), paging.offset());
        });
    }
}

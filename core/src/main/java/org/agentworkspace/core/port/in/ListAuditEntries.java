package org.agentworkspace.core.port.in;

import java.util.List;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.ownership.UserPrincipal;

public interface ListAuditEntries {

    /** Newest first; {@code limit} defaults to 50 (max 500). */
    List<AuditEntry> list(UserPrincipal user, String agentId, PageQuery page);
}

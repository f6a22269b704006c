package org.agentworkspace.core.usecase;

import java.util.List;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListDocuments;

final class ListDocumentsService implements ListDocuments {
    private final Chain chain;

    ListDocumentsService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public List<Document> list(AgentPrincipal agent, boolean includeContent) {
        AgentScope scope = chain.scopeOf(agent, Scope.DOCS_READ);
        return chain.ports.transactions().inTransaction(scope,
                () -> chain.ports.documents().list(scope, includeContent));
    }

    @Override
    public List<Document> listForOwner(UserPrincipal user, String agentId, boolean includeContent) {
        return chain.onOwnedAgent(user, agentId, Access.READ,
                (agent, scope) -> chain.ports.documents().list(scope, includeContent));
    }
}

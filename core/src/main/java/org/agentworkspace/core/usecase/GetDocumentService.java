package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.GetDocument;

final class GetDocumentService implements GetDocument {
    private final Chain chain;

    GetDocumentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Document get(AgentPrincipal agent, String documentId) {
        AgentScope scope = chain.scopeOf(agent, Scope.DOCS_READ);
        DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
        return chain.ports.transactions().inTransaction(scope,
                () -> chain.ports.documents().find(scope, id).orElseThrow(() -> new NotFound("Document")));
    }

    @Override
    public Document getForOwner(UserPrincipal user, String agentId, String documentId) {
        return chain.onOwnedAgent(user, agentId, Access.READ, (agent, scope) -> {
            DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
            return chain.ports.documents().find(scope, id).orElseThrow(() -> new NotFound("Document"));
        });
    }
}

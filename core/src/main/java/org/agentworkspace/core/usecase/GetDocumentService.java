package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.GetDocument;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.Transactions;

final class GetDocumentService implements GetDocument {
    private final Transactions transactions;
    private final DocumentRepository documents;
    private final Ownership ownership;
    private final OwnedAgents ownedAgents;

    GetDocumentService(Transactions transactions, DocumentRepository documents, Ownership ownership,
            OwnedAgents ownedAgents) {
        this.transactions = transactions;
        this.documents = documents;
        this.ownership = ownership;
        this.ownedAgents = ownedAgents;
    }

    @Override
    public Document get(AgentPrincipal agent, String documentId) {
        AgentScope scope = ownership.scopeFor(agent, Scope.DOCS_READ);
        DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
        return transactions.inTransaction(scope,
                () -> documents.find(scope, id).orElseThrow(() -> new NotFound("Document")));
    }

    @Override
    public Document getForOwner(UserPrincipal user, String agentId, String documentId) {
        return ownedAgents.act(user, agentId, Access.READ, (agent, scope) -> {
            DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
            return documents.find(scope, id).orElseThrow(() -> new NotFound("Document"));
        });
    }
}

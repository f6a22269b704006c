package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.util.List;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.ListDocuments;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.Transactions;

final class ListDocumentsService implements ListDocuments {
    private final Transactions transactions;
    private final DocumentRepository documents;
    private final Ownership ownership;
    private final OwnedAgents ownedAgents;

    ListDocumentsService(Transactions transactions, DocumentRepository documents, Ownership ownership,
            OwnedAgents ownedAgents) {
        this.transactions = transactions;
        this.documents = documents;
        this.ownership = ownership;
        this.ownedAgents = ownedAgents;
    }

    @Override
    public List<Document> list(AgentPrincipal agent, boolean includeContent) {
        AgentScope scope = ownership.scopeFor(agent, Scope.DOCS_READ);
        return transactions.inTransaction(scope,
                () -> documents.list(scope, includeContent));
    }

    @Override
    public List<Document> listForOwner(UserPrincipal user, String agentId, boolean includeContent) {
        return ownedAgents.act(user, agentId, Access.READ,
                (agent, scope) -> documents.list(scope, includeContent));
    }
}

package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.DeleteDocument;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.Transactions;

final class DeleteDocumentService implements DeleteDocument {
    private final Transactions transactions;
    private final DocumentRepository documents;
    private final Ownership ownership;

    DeleteDocumentService(Transactions transactions, DocumentRepository documents, Ownership ownership) {
        this.transactions = transactions;
        this.documents = documents;
        this.ownership = ownership;
    }

    @Override
    public void delete(AgentPrincipal agent, String documentId, OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.DOCS_WRITE);
        DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
        transactions.inTransaction(scope, () -> {
            if (expectedVersion.isPresent()) {
                long current = documents.find(scope, id)
                        .orElseThrow(() -> new NotFound("Document")).version();
                if (current != expectedVersion.getAsLong()) {
                    throw new PreconditionFailed();
                }
            }
            if (!documents.delete(scope, id)) {
                throw new NotFound("Document");
            }
            return null;
        });
    }
}

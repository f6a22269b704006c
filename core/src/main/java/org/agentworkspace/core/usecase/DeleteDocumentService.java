package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.DeleteDocument;

final class DeleteDocumentService implements DeleteDocument {
    private final Chain chain;

    DeleteDocumentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public void delete(AgentPrincipal agent, String documentId, OptionalLong expectedVersion) {
        AgentScope scope = chain.scopeOf(agent, Scope.DOCS_WRITE);
        DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
        chain.ports.transactions().inTransaction(scope, () -> {
            if (expectedVersion.isPresent()) {
                long current = chain.ports.documents().find(scope, id)
                        .orElseThrow(() -> new NotFound("Document")).version();
                if (current != expectedVersion.getAsLong()) {
                    throw new PreconditionFailed();
                }
            }
            if (!chain.ports.documents().delete(scope, id)) {
                throw new NotFound("Document");
            }
            return null;
        });
    }
}

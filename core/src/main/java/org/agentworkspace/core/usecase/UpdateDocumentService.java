package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentData;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentRules;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.DocumentInput;
import org.agentworkspace.core.port.in.UpdateDocument;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.Transactions;

/** Same concurrency contract as events: If-Match is exact; without it one retry on a lost race. */
final class UpdateDocumentService implements UpdateDocument {
    private final Transactions transactions;
    private final DocumentRepository documents;
    private final Ownership ownership;
    private final StorageClock clock;

    UpdateDocumentService(Transactions transactions, DocumentRepository documents, Ownership ownership,
            StorageClock clock) {
        this.transactions = transactions;
        this.documents = documents;
        this.ownership = ownership;
        this.clock = clock;
    }

    @Override
    public Document update(AgentPrincipal agent, String documentId, DocumentInput input, OptionalLong expectedVersion) {
        AgentScope scope = ownership.scopeFor(agent, Scope.DOCS_WRITE);
        DocumentId id = DocumentId.parse(documentId).orElseThrow(() -> new NotFound("Document"));
        return transactions.inTransaction(scope, () -> {
            int attempts = expectedVersion.isPresent() ? 1 : 2;
            for (int attempt = 1; ; attempt++) {
                Document stored = documents.find(scope, id).orElseThrow(() -> new NotFound("Document"));
                if (expectedVersion.isPresent() && expectedVersion.getAsLong() != stored.version()) {
                    throw new PreconditionFailed();
                }
                DocumentData data = DocumentRules.forUpdate(stored, input.title(), input.type(), input.content());
                Document updated = new Document(stored.id(), stored.agentId(), data.title(), data.type(),
                        data.content(), stored.version() + 1, stored.createdAt(), clock.now());
                if (documents.update(scope, updated, stored.version())) {
                    return updated;
                }
                if (attempt >= attempts) {
                    throw new PreconditionFailed();
                }
            }
        });
    }
}

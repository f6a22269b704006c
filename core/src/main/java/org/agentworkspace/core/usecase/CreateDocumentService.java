package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.Scope;
import java.time.Instant;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentData;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentRules;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.DocumentInput;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.core.port.out.Transactions;

final class CreateDocumentService implements CreateDocument {
    private final Transactions transactions;
    private final DocumentRepository documents;
    private final Ownership ownership;
    private final StorageClock clock;

    CreateDocumentService(Transactions transactions, DocumentRepository documents, Ownership ownership,
            StorageClock clock) {
        this.transactions = transactions;
        this.documents = documents;
        this.ownership = ownership;
        this.clock = clock;
    }

    @Override
    public Document create(AgentPrincipal agent, DocumentInput input) {
        AgentScope scope = ownership.scopeFor(agent, Scope.DOCS_WRITE);
        DocumentData data = DocumentRules.forCreate(input.title(), input.type(), input.content());
        return transactions.inTransaction(scope, () -> {
            Instant now = clock.now();
            Document document = new Document(DocumentId.random(), scope.agentId(), data.title(), data.type(),
                    data.content(), 1, now, now);
            documents.insert(scope, document);
            return document;
        });
    }
}

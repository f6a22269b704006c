package org.agentworkspace.core.usecase;

import java.time.Instant;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentData;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentRules;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.DocumentInput;

final class CreateDocumentService implements CreateDocument {
    private final Chain chain;

    CreateDocumentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Document create(AgentPrincipal agent, DocumentInput input) {
        AgentScope scope = chain.scopeOf(agent, Scope.DOCS_WRITE);
        DocumentData data = DocumentRules.forCreate(input.title(), input.type(), input.content());
        return chain.ports.transactions().inTransaction(scope, () -> {
            Instant now = chain.now();
            Document document = new Document(DocumentId.random(), scope.agentId(), data.title(), data.type(),
                    data.content(), 1, now, now);
            chain.ports.documents().insert(scope, document);
            return document;
        });
    }
}

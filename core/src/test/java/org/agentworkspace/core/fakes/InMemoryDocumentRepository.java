package org.agentworkspace.core.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.DocumentRepository;

public final class InMemoryDocumentRepository implements DocumentRepository {
    private final InMemoryDatabase db;

    public InMemoryDocumentRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(AgentScope scope, Document document) {
        if (!document.agentId().equals(scope.agentId()) || !db.agents.containsKey(scope.agentId())) {
            throw new IllegalStateException("a document is inserted only into the scope's existing agent");
        }
        db.documents.put(document.id(), document);
    }

    @Override
    public Optional<Document> find(AgentScope scope, DocumentId id) {
        return Optional.ofNullable(db.documents.get(id)).filter(d -> d.agentId().equals(scope.agentId()));
    }

    @Override
    public List<Document> list(AgentScope scope, boolean includeContent) {
        return db.documents.values().stream()
                .filter(d -> d.agentId().equals(scope.agentId()))
                .sorted(Comparator.comparing(Document::createdAt).thenComparing(d -> d.id().value()).reversed())
                .map(d -> includeContent ? d : new Document(d.id(), d.agentId(), d.title(), d.type(), "",
                        d.version(), d.createdAt(), d.updatedAt()))
                .toList();
    }

    @Override
    public boolean update(AgentScope scope, Document document, long expectedVersion) {
        Optional<Document> stored = find(scope, document.id());
        if (stored.isEmpty() || stored.get().version() != expectedVersion) {
            return false;
        }
        db.documents.put(document.id(), document);
        return true;
    }

    @Override
    public boolean delete(AgentScope scope, DocumentId id) {
        return find(scope, id).map(d -> db.documents.remove(id) != null).orElse(false);
    }
}

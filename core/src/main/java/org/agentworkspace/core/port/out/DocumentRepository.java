package org.agentworkspace.core.port.out;

import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.ownership.AgentScope;

/** Documents of the scope's agent. No method reaches a document of any other agent. */
public interface DocumentRepository {

    void insert(AgentScope scope, Document document);

    Optional<Document> find(AgentScope scope, DocumentId id);

    /**
     * All documents, newest first by creation then id. With {@code includeContent} false the
     * returned content is the empty string and is not read from storage.
     */
    List<Document> list(AgentScope scope, boolean includeContent);

    /** Writes title, content, version and updatedAt only if the stored version is {@code expectedVersion}. */
    boolean update(AgentScope scope, Document document, long expectedVersion);

    boolean delete(AgentScope scope, DocumentId id);
}

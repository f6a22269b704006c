package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.DOCUMENTS;

import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.out.DocumentRepository;
import org.agentworkspace.persistence.generated.tables.records.DocumentsRecord;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Documents of the scope's agent; every statement carries {@code agent_id = <scope>}. */
public final class JooqDocumentRepository implements DocumentRepository {
    private final JooqTransactions tx;

    public JooqDocumentRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    private static Condition inScope(AgentScope scope) {
        return DOCUMENTS.AGENT_ID.eq(scope.agentId().value());
    }

    @Override
    public void insert(AgentScope scope, Document document) {
        tx.dsl().insertInto(DOCUMENTS)
                .set(DOCUMENTS.ID, document.id().value())
                .set(DOCUMENTS.AGENT_ID, scope.agentId().value())
                .set(DOCUMENTS.TITLE, document.title())
                .set(DOCUMENTS.TYPE, document.type().wireName())
                .set(DOCUMENTS.CONTENT, document.content())
                .set(DOCUMENTS.VERSION, document.version())
                .set(DOCUMENTS.CREATED_AT, document.createdAt())
                .set(DOCUMENTS.UPDATED_AT, document.updatedAt())
                .execute();
    }

    @Override
    public Optional<Document> find(AgentScope scope, DocumentId id) {
        return tx.dsl().selectFrom(DOCUMENTS).where(inScope(scope)).and(DOCUMENTS.ID.eq(id.value()))
                .fetchOptional(r -> toDocument(r, r.getContent()));
    }

    @Override
    public List<Document> list(AgentScope scope, boolean includeContent) {
        // Without content the column is not even read: a list of large documents stays cheap.
        var content = includeContent ? DOCUMENTS.CONTENT : DSL.inline("").as(DOCUMENTS.CONTENT.getName());
        return tx.dsl().select(DOCUMENTS.ID, DOCUMENTS.AGENT_ID, DOCUMENTS.TITLE, DOCUMENTS.TYPE, content,
                        DOCUMENTS.VERSION, DOCUMENTS.CREATED_AT, DOCUMENTS.UPDATED_AT)
                .from(DOCUMENTS).where(inScope(scope))
                .orderBy(DOCUMENTS.CREATED_AT.desc(), DOCUMENTS.ID.desc())
                .fetch(r -> toDocument(r, r.get(content)));
    }

    @Override
    public boolean update(AgentScope scope, Document document, long expectedVersion) {
        return tx.dsl().update(DOCUMENTS)
                .set(DOCUMENTS.TITLE, document.title())
                .set(DOCUMENTS.CONTENT, document.content())
                .set(DOCUMENTS.VERSION, document.version())
                .set(DOCUMENTS.UPDATED_AT, document.updatedAt())
                .where(inScope(scope))
                .and(DOCUMENTS.ID.eq(document.id().value()))
                .and(DOCUMENTS.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    @Override
    public boolean delete(AgentScope scope, DocumentId id) {
        return tx.dsl().deleteFrom(DOCUMENTS).where(inScope(scope)).and(DOCUMENTS.ID.eq(id.value())).execute() == 1;
    }

    private static Document toDocument(Record r, String content) {
        return new Document(new DocumentId(r.get(DOCUMENTS.ID)), new AgentId(r.get(DOCUMENTS.AGENT_ID)),
                r.get(DOCUMENTS.TITLE), DocumentType.fromWire(r.get(DOCUMENTS.TYPE)).orElseThrow(), content,
                r.get(DOCUMENTS.VERSION), r.get(DOCUMENTS.CREATED_AT), r.get(DOCUMENTS.UPDATED_AT));
    }
}

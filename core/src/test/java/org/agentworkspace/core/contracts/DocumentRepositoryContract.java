package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.ownership.AgentScope;
import org.junit.jupiter.api.Test;

/** {@link org.agentworkspace.core.port.out.DocumentRepository}: every backend keeps these promises. */
public abstract class DocumentRepositoryContract extends PortContract {

    private Document documentOf(AgentScope scope, String title) {
        Document document = new Document(DocumentId.random(), scope.agentId(), title, DocumentType.MARKDOWN, "# " + title,
                1, T0, T0);
        run(scope, () -> ports.documents().insert(scope, document));
        return document;
    }

    private static Document edited(Document d, String content) {
        return new Document(d.id(), d.agentId(), d.title(), d.type(), content, d.version() + 1, d.createdAt(),
                d.updatedAt().plusSeconds(1));
    }

    @Test
    public void anAgentFindsListsChangesAndDeletesItsOwnDocument() {
        Document document = documentOf(a, "notes");
        assertThat(in(a, () -> ports.documents().find(a, document.id()))).contains(document);
        assertThat(in(a, () -> ports.documents().list(a, true))).containsExactly(document);

        Document changed = edited(document, "new");
        assertThat(in(a, () -> ports.documents().update(a, changed, document.version()))).isTrue();
        assertThat(in(a, () -> ports.documents().update(a, edited(document, "stale"), document.version()))).isFalse();
        assertThat(in(a, () -> ports.documents().find(a, document.id()))).contains(changed);

        assertThat(in(a, () -> ports.documents().delete(a, document.id()))).isTrue();
        assertThat(in(a, () -> ports.documents().list(a, false))).isEmpty();
    }

    @Test
    public void scopeBCannotSeeChangeOrDeleteAsDocument() {
        Document document = documentOf(a, "private");

        assertThat(in(b, () -> ports.documents().find(b, document.id()))).isEmpty();
        assertThat(in(b, () -> ports.documents().list(b, true))).isEmpty();
        assertThat(in(b, () -> ports.documents().update(b, edited(document, "hijacked"), document.version()))).isFalse();
        assertThat(in(b, () -> ports.documents().delete(b, document.id()))).isFalse();

        assertThat(in(a, () -> ports.documents().find(a, document.id()))).contains(document);
    }

    @Test
    public void aFailureRollsTheWritesBack() {
        Document kept = documentOf(a, "kept");
        Document lost = new Document(DocumentId.random(), a.agentId(), "lost", DocumentType.MARKDOWN, "", 1, T0, T0);
        failAfter(a, () -> {
            ports.documents().insert(a, lost);
            ports.documents().delete(a, kept.id());
        });
        assertThat(in(a, () -> ports.documents().list(a, true))).containsExactly(kept);
    }
}

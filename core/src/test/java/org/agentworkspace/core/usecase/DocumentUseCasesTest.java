package org.agentworkspace.core.usecase;

import static org.agentworkspace.core.builders.DocumentInputBuilder.aDocument;
import static org.agentworkspace.core.builders.DocumentInputBuilder.noDocumentFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.junit.jupiter.api.Test;

class DocumentUseCasesTest {
    private static final OptionalLong NONE = OptionalLong.empty();
    private final Scenario s = new Scenario();
    private final UserPrincipal alice = s.user("user_alice");
    private final AgentPrincipal atlas = s.principalOf(s.agentOf(alice, "Atlas"));
    private final AgentPrincipal other = s.principalOf(s.agentOf(alice, "Other"));

    @Test
    void create_get_list_update_delete() {
        Document created = s.ws.useCases.createDocument().create(atlas, aDocument().withTitle("Plan").build());
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.type()).isEqualTo(DocumentType.MARKDOWN);
        assertThat(s.ws.useCases.getDocument().get(atlas, created.id().toString())).isEqualTo(created);
        assertThat(s.ws.useCases.listDocuments().list(atlas, false)).singleElement()
                .satisfies(d -> assertThat(d.content()).isEmpty());
        assertThat(s.ws.useCases.listDocuments().list(atlas, true)).containsExactly(created);
        s.ws.clock.advance(Duration.ofSeconds(3));
        Document updated = s.ws.useCases.updateDocument().update(atlas, created.id().toString(),
                noDocumentFields().withContent("# v2").build(), OptionalLong.of(1));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.title()).isEqualTo("Plan");
        assertThat(updated.content()).isEqualTo("# v2");
        assertThatThrownBy(() -> s.ws.useCases.deleteDocument().delete(atlas, created.id().toString(), OptionalLong.of(1)))
                .isInstanceOf(PreconditionFailed.class);
        s.ws.useCases.deleteDocument().delete(atlas, created.id().toString(), NONE);
        assertThatThrownBy(() -> s.ws.useCases.getDocument().get(atlas, created.id().toString())).isInstanceOf(NotFound.class);
    }

    @Test
    void the_type_is_fixed_at_creation_and_sheets_are_checked() {
        Document sheet = s.ws.useCases.createDocument().create(atlas,
                aDocument().withType("sheet").withContent("[{\"a\":1}]").build());
        assertThatThrownBy(() -> s.ws.useCases.updateDocument().update(atlas, sheet.id().toString(),
                noDocumentFields().withType("markdown").build(), NONE)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> s.ws.useCases.updateDocument().update(atlas, sheet.id().toString(),
                noDocumentFields().withContent("not json").build(), NONE)).isInstanceOf(ValidationFailed.class);
        assertThat(s.ws.useCases.getDocument().get(atlas, sheet.id().toString())).isEqualTo(sheet);
    }

    @Test
    void another_agents_document_is_not_found() {
        String id = s.ws.useCases.createDocument().create(atlas, aDocument().build()).id().toString();
        assertThatThrownBy(() -> s.ws.useCases.getDocument().get(other, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.updateDocument().update(other, id, aDocument().build(), NONE))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.deleteDocument().delete(other, id, NONE)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.getDocument().get(atlas, "nope")).isInstanceOf(NotFound.class);
        assertThat(s.ws.useCases.listDocuments().list(other, true)).isEmpty();
    }
}

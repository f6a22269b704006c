package org.agentworkspace.core.domain;

import static org.agentworkspace.core.builders.Strings.ofEmoji;
import static org.agentworkspace.core.builders.Strings.ofLength;
import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DocumentRulesTest {
    private static final Instant T = Instant.parse("2026-01-15T08:00:00Z");

    private static Document stored(DocumentType type, String content) {
        return new Document(DocumentId.random(), AgentId.random(), "Notes", type, content, 1, T, T);
    }

    @Test
    void defaults_are_markdown_and_empty_content() {
        DocumentData data = DocumentRules.forCreate(Field.of("Notes"), Field.absent(), Field.absent());
        assertThat(data).isEqualTo(new DocumentData("Notes", DocumentType.MARKDOWN, ""));
    }

    @Test
    void an_empty_sheet_is_an_empty_array() {
        assertThat(DocumentRules.forCreate(Field.of("S"), Field.of("sheet"), Field.ofNull()).content()).isEqualTo("[]");
    }

    @Test
    void title_bounds() {
        assertThat(DocumentRules.forCreate(Field.of("x"), Field.absent(), Field.absent()).title()).isEqualTo("x");
        assertThat(DocumentRules.forCreate(Field.of(ofLength(500)), Field.absent(), Field.absent()).title()).hasSize(500);
        assertThat(issuesOf(() -> DocumentRules.forCreate(Field.of(""), Field.absent(), Field.absent())))
                .containsExactly(new Issue("title", "title must be 1 to 500 characters"));
        assertThat(issuesOf(() -> DocumentRules.forCreate(Field.of(ofLength(501)), Field.absent(), Field.absent())))
                .containsExactly(new Issue("title", "title must be 1 to 500 characters"));
        assertThat(issuesOf(() -> DocumentRules.forCreate(Field.absent(), Field.absent(), Field.absent())))
                .containsExactly(new Issue("title", "title is required"));
    }

    @Test
    void content_up_to_100000_code_points() {
        assertThat(DocumentRules.forCreate(Field.of("N"), Field.absent(), Field.of(ofLength(100_000))).content()).hasSize(100_000);
        assertThat(DocumentRules.forCreate(Field.of("N"), Field.absent(), Field.of(ofEmoji(100_000))).content())
                .hasSize(200_000);
        assertThat(issuesOf(() -> DocumentRules.forCreate(Field.of("N"), Field.absent(), Field.of(ofLength(100_001)))))
                .containsExactly(new Issue("content", "content must be at most 100000 characters"));
    }

    @Test
    void type_must_be_known() {
        assertThat(DocumentRules.forCreate(Field.of("N"), Field.of("slide"), Field.of("# a\n---\n# b")).type())
                .isEqualTo(DocumentType.SLIDE);
        assertThat(issuesOf(() -> DocumentRules.forCreate(Field.of("N"), Field.of("pdf"), Field.absent())))
                .containsExactly(new Issue("type", "type must be one of markdown, sheet, slide"));
    }

    @Test
    void sheet_content_must_be_an_array_of_objects() {
        assertThat(DocumentRules.forCreate(Field.of("S"), Field.of("sheet"), Field.of("[{\"name\":\"Ada\"}]")).content())
                .isEqualTo("[{\"name\":\"Ada\"}]");
        assertThat(issuesOf(() -> DocumentRules.forCreate(Field.of("S"), Field.of("sheet"), Field.of("[1,2]"))))
                .singleElement().satisfies(i -> {
                    assertThat(i.path()).isEqualTo("content");
                    assertThat(i.message()).startsWith("content of a sheet must be a JSON array of row objects");
                });
        assertThat(DocumentRules.forCreate(Field.of("M"), Field.absent(), Field.of("[1,2")).content()).isEqualTo("[1,2");
    }

    @Test
    void update_keeps_the_type_and_validates_the_merge() {
        Document sheet = stored(DocumentType.SHEET, "[]");
        assertThat(DocumentRules.forUpdate(sheet, Field.of("Budget"), Field.absent(), Field.absent()))
                .isEqualTo(new DocumentData("Budget", DocumentType.SHEET, "[]"));
        assertThat(DocumentRules.forUpdate(sheet, Field.absent(), Field.of("sheet"), Field.of("[{}]")).content()).isEqualTo("[{}]");
        assertThat(issuesOf(() -> DocumentRules.forUpdate(sheet, Field.absent(), Field.of("markdown"), Field.of("text"))))
                .extracting(Issue::path).containsExactly("type", "content");
        assertThat(issuesOf(() -> DocumentRules.forUpdate(sheet, Field.ofNull(), Field.absent(), Field.absent())))
                .containsExactly(new Issue("title", "title must not be null"));
    }
}

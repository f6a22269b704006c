package org.agentworkspace.core.builders;

import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.port.in.DocumentInput;

/** A document body; starts as a small markdown note. */
public final class DocumentInputBuilder {
    private Field<String> title = Field.of("Notes");
    private Field<String> type = Field.absent();
    private Field<String> content = Field.of("# Notes");

    private DocumentInputBuilder() {
    }

    public static DocumentInputBuilder aDocument() {
        return new DocumentInputBuilder();
    }

    public static DocumentInputBuilder noDocumentFields() {
        DocumentInputBuilder b = new DocumentInputBuilder();
        b.title = Field.absent();
        b.content = Field.absent();
        return b;
    }

    public DocumentInputBuilder withTitle(String v) { title = Field.ofNullable(v); return this; }
    public DocumentInputBuilder withTitle(Field<String> v) { title = v; return this; }
    public DocumentInputBuilder withType(String v) { type = Field.ofNullable(v); return this; }
    public DocumentInputBuilder withType(Field<String> v) { type = v; return this; }
    public DocumentInputBuilder withContent(String v) { content = Field.ofNullable(v); return this; }
    public DocumentInputBuilder withContent(Field<String> v) { content = v; return this; }

    public DocumentInput build() {
        return new DocumentInput(title, type, content);
    }
}

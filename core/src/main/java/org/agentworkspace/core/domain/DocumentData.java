package org.agentworkspace.core.domain;

import java.util.Objects;

/** The validated, writable part of a document. */
public record DocumentData(String title, DocumentType type, String content) {
    public DocumentData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }
}

package org.agentworkspace.core.domain;

import java.util.Arrays;
import java.util.Optional;

/** A document's kind, fixed at creation. */
public enum DocumentType {
    /** Plain markdown. */
    MARKDOWN("markdown"),
    /** A JSON array of row objects, serialised into the content string. */
    SHEET("sheet"),
    /** Markdown whose slides are separated by a line holding only {@code ---}. */
    SLIDE("slide");

    private final String wireName;

    DocumentType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DocumentType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}

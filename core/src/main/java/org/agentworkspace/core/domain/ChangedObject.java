package org.agentworkspace.core.domain;

/** The kinds of object the change log follows, by their wire name in {@code /api/v1/changes}. */
public enum ChangedObject {
    EVENT("event"),
    DOCUMENT("document");

    private final String wireName;

    ChangedObject(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

package org.agentworkspace.core.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a webhook message announces, by its wire name (API.md, "Webhooks to agents"). */
public enum WebhookEventType {
    EVENT_CREATED("event.created"),
    EVENT_UPDATED("event.updated"),
    EVENT_DELETED("event.deleted"),
    DOCUMENT_CREATED("document.created"),
    DOCUMENT_UPDATED("document.updated"),
    DOCUMENT_DELETED("document.deleted");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isDeletion() {
        return this == EVENT_DELETED || this == DOCUMENT_DELETED;
    }

    public boolean isAboutEvents() {
        return this == EVENT_CREATED || this == EVENT_UPDATED || this == EVENT_DELETED;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}

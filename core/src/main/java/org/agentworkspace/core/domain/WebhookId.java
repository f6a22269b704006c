package org.agentworkspace.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one webhook endpoint of an agent. Unknown and malformed ids alike are "not found". */
public record WebhookId(UUID value) {
    public WebhookId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookId random() {
        return new WebhookId(Uuids.timeOrdered());
    }

    public static Optional<WebhookId> parse(String text) {
        return Uuids.parse(text).map(WebhookId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.agentworkspace.core.port.in;

import java.util.Objects;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookSecret;

/** A new endpoint and its signing secret, which is shown this once. */
public record CreatedWebhook(Webhook webhook, WebhookSecret secret) {
    public CreatedWebhook {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }
}

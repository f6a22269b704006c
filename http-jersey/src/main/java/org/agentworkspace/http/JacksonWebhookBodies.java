package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.WebhookMessage;
import org.agentworkspace.core.port.out.WebhookBodies;

/**
 * Webhook bodies in the API's own representation of events and documents (the same code writes
 * both), so an agent parses a delivery exactly like a response. Deterministic: a retry sends the
 * same bytes, {@code timestamp} being the time of the write, not of the attempt.
 */
public final class JacksonWebhookBodies implements WebhookBodies {
    @Override
    public String body(WebhookMessage message) {
        ObjectNode data = Json.object();
        data.put("agentId", message.agentId().toString());
        if (message.event().isPresent()) {
            data.set("event", Representations.event(message.event().get()));
        } else if (message.document().isPresent()) {
            data.set("document", Representations.document(message.document().get(), false));
        } else {
            data.put("id", message.objectId().toString());
        }
        ObjectNode body = Json.object();
        body.put("type", message.type().wireName());
        body.put("timestamp", Json.instant(message.createdAt()));
        body.set("data", data);
        return Json.text(body);
    }
}

package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Change;
import org.agentworkspace.core.domain.ChangesPage;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookDelivery;
import org.agentworkspace.core.domain.WebhookEventType;
import org.agentworkspace.core.port.in.CreatedWebhook;

/** The JSON of changes and webhooks, field for field as API.md's "Changes (sync)" and "Webhooks to agents" list it. */
final class SyncRepresentations {
    private SyncRepresentations() {
    }

    static ObjectNode changesPage(ChangesPage page) {
        ObjectNode body = Json.object();
        body.set("changes", Representations.list(page.changes(), SyncRepresentations::change));
        body.put("nextCursor", page.nextCursor());
        body.put("hasMore", page.hasMore());
        return body;
    }

    static ObjectNode change(Change change) {
        ObjectNode json = Json.object();
        String type = change.type().wireName();
        json.put("type", type);
        json.put("id", change.id().toString());
        json.put("change", change.deleted() ? "deleted" : "upserted");
        json.put("at", Json.instant(change.at()));
        change.event().ifPresent(e -> json.set("event", Representations.event(e)));
        change.document().ifPresent(d -> json.set("document", Representations.document(d, false)));
        return json;
    }

    /** An endpoint as listed: never its secret. {@code disabledAt} is set once it failed for five days. */
    static ObjectNode webhook(Webhook webhook) {
        ObjectNode json = Json.object();
        json.put("id", webhook.id().toString());
        json.put("url", webhook.url().toString());
        ArrayNode events = Json.array();
        webhook.events().stream().sorted().map(WebhookEventType::wireName).forEach(events::add);
        json.set("events", events);
        json.put("createdAt", Json.instant(webhook.createdAt()));
        json.put("disabledAt", Json.instant(webhook.disabledAt()));
        return json;
    }

    /** The one answer that shows the secret. */
    static ObjectNode created(CreatedWebhook created) {
        ObjectNode json = webhook(created.webhook());
        json.remove("disabledAt");
        json.put("secret", created.secret().reveal());
        return json;
    }

    static ObjectNode delivery(WebhookDelivery delivery) {
        ObjectNode json = Json.object();
        json.put("id", delivery.id().toString());
        json.put("type", delivery.type().wireName());
        json.put("status", delivery.status());
        json.put("attempts", delivery.attempts());
        json.put("lastStatusCode", delivery.lastStatusCode());
        json.put("nextAttemptAt", Json.instant(delivery.nextAttemptAt()));
        json.put("createdAt", Json.instant(delivery.createdAt()));
        return json;
    }
}

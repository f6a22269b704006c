package org.agentworkspace.http;

import java.util.Objects;
import org.agentworkspace.core.port.in.CreateWebhook;
import org.agentworkspace.core.port.in.DeleteWebhook;
import org.agentworkspace.core.port.in.ListChanges;
import org.agentworkspace.core.port.in.ListWebhookDeliveries;
import org.agentworkspace.core.port.in.ListWebhooks;

/** The inbound ports of the changes and webhook routes; names match core's {@code SyncUseCases}. */
public record SyncHttpUseCases(ListChanges listChanges, CreateWebhook createWebhook, ListWebhooks listWebhooks,
                               DeleteWebhook deleteWebhook, ListWebhookDeliveries listWebhookDeliveries) {
    public SyncHttpUseCases {
        Objects.requireNonNull(listChanges, "listChanges");
        Objects.requireNonNull(createWebhook, "createWebhook");
        Objects.requireNonNull(listWebhooks, "listWebhooks");
        Objects.requireNonNull(deleteWebhook, "deleteWebhook");
        Objects.requireNonNull(listWebhookDeliveries, "listWebhookDeliveries");
    }

    /** Registers the routes of {@code /api/v1/changes}, {@code /api/v1/webhooks…} and the dashboard's webhooks. */
    public void register(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new ChangesResource(listChanges));
        config.register(new WebhooksResource(createWebhook, listWebhooks, deleteWebhook, listWebhookDeliveries));
        config.register(new DashboardWebhooksResource(createWebhook, listWebhooks, deleteWebhook,
                listWebhookDeliveries));
    }
}

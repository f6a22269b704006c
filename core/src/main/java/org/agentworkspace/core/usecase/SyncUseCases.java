package org.agentworkspace.core.usecase;

import java.util.Objects;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.CreateWebhook;
import org.agentworkspace.core.port.in.DeleteWebhook;
import org.agentworkspace.core.port.in.DeliverWebhooks;
import org.agentworkspace.core.port.in.ListChanges;
import org.agentworkspace.core.port.in.ListWebhookDeliveries;
import org.agentworkspace.core.port.in.ListWebhooks;

/**
 * The use cases of issue 19 (the change log and webhooks to agents), built by plain constructors
 * with explicit dependencies. Kept apart from {@link UseCases} so embedders without webhooks need
 * none of these ports; immutable and thread-safe as long as the ports are.
 */
public final class SyncUseCases {
    private final ListChanges listChanges;
    private final CreateWebhook createWebhook;
    private final ListWebhooks listWebhooks;
    private final DeleteWebhook deleteWebhook;
    private final ListWebhookDeliveries listWebhookDeliveries;
    private final DeliverWebhooks deliverWebhooks;

    private SyncUseCases(SyncPorts p, Settings settings, SyncSettings sync) {
        Ownership ownership = new Ownership();
        OwnedAgents owned = new OwnedAgents(p.transactions(), p.agents(), ownership);
        SyncCursors cursors = new SyncCursors(sync.cursorKey(), settings.random(), sync.cursorLifetime());
        listChanges = new ListChangesService(ownership, p.transactions(), p.changes(), cursors, settings.clock());
        createWebhook = new CreateWebhookService(ownership, owned, p.transactions(), p.webhooks(), p.audit(),
                p.targets(), settings.clock(), settings.random());
        listWebhooks = new ListWebhooksService(ownership, owned, p.transactions(), p.webhooks());
        deleteWebhook = new DeleteWebhookService(ownership, owned, p.transactions(), p.webhooks(), p.audit(),
                settings.clock());
        listWebhookDeliveries = new ListWebhookDeliveriesService(ownership, owned, p.transactions(), p.webhooks());
        deliverWebhooks = new DeliverWebhooksService(p.transactions(), p.outbox(), p.changeLogPurge(), p.bodies(),
                p.transport(), sync, settings.clock());
    }

    public static SyncUseCases create(SyncPorts ports, Settings settings, SyncSettings sync) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sync, "sync");
        return new SyncUseCases(ports, settings, sync);
    }

    /** Needs {@code events:read} or {@code docs:read} once keys have scopes (today: read access). */
    public ListChanges listChanges() {
        return listChanges;
    }

    /** Needs {@code webhooks:manage} once keys have scopes (today: write access). */
    public CreateWebhook createWebhook() {
        return createWebhook;
    }

    /** Needs {@code webhooks:manage} once keys have scopes (today: read access). */
    public ListWebhooks listWebhooks() {
        return listWebhooks;
    }

    /** Needs {@code webhooks:manage} once keys have scopes (today: write access). */
    public DeleteWebhook deleteWebhook() {
        return deleteWebhook;
    }

    /** Needs {@code webhooks:manage} once keys have scopes (today: read access). */
    public ListWebhookDeliveries listWebhookDeliveries() {
        return listWebhookDeliveries;
    }

    /** The sender; no caller, run by the app's scheduler. */
    public DeliverWebhooks deliverWebhooks() {
        return deliverWebhooks;
    }
}

package org.agentworkspace.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.agentworkspace.core.port.in.CreateWebhook;
import org.agentworkspace.core.port.in.CreatedWebhook;
import org.agentworkspace.core.port.in.DeleteWebhook;
import org.agentworkspace.core.port.in.ListWebhookDeliveries;
import org.agentworkspace.core.port.in.ListWebhooks;

/**
 * {@code /api/v1/webhooks}: the agent's own endpoints. Creation is not replayed through
 * {@code Idempotency-Key}: a replay would have to store the secret a second time.
 */
@Path("api/v1/webhooks")
public final class WebhooksResource {
    private final CreateWebhook createWebhook;
    private final ListWebhooks listWebhooks;
    private final DeleteWebhook deleteWebhook;
    private final ListWebhookDeliveries listDeliveries;

    WebhooksResource(CreateWebhook createWebhook, ListWebhooks listWebhooks, DeleteWebhook deleteWebhook,
                     ListWebhookDeliveries listDeliveries) {
        this.createWebhook = createWebhook;
        this.listWebhooks = listWebhooks;
        this.deleteWebhook = deleteWebhook;
        this.listDeliveries = listDeliveries;
    }

    @GET
    public Response list(@Context SecurityContext security) {
        return JsonResponses.ok(JsonResponses.envelope("webhooks",
                Representations.list(listWebhooks.list(Caller.agent(security)), SyncRepresentations::webhook)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, InputStream body) {
        CreatedWebhook created = createWebhook.create(Caller.agent(security),
                WebhookInputs.of(RequestBodies.object(RequestBodies.read(body), false)));
        return JsonResponses.created(JsonResponses.envelope("webhook", SyncRepresentations.created(created)),
                "/api/v1/webhooks/" + created.webhook().id());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        deleteWebhook.delete(Caller.agent(security), id);
        return JsonResponses.ok(JsonResponses.deleted());
    }

    @GET
    @Path("{id}/deliveries")
    public Response deliveries(@Context SecurityContext security, @PathParam("id") String id) {
        return JsonResponses.ok(JsonResponses.envelope("deliveries", Representations.list(
                listDeliveries.list(Caller.agent(security), id), SyncRepresentations::delivery)));
    }
}

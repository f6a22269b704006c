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

/** {@code /api/dashboard/agents/{agentId}/webhooks…}: the owner manages an agent's endpoints, as in the agent API. */
@Path("api/dashboard/agents/{agentId}/webhooks")
public final class DashboardWebhooksResource {
    private final CreateWebhook createWebhook;
    private final ListWebhooks listWebhooks;
    private final DeleteWebhook deleteWebhook;
    private final ListWebhookDeliveries listDeliveries;

    DashboardWebhooksResource(CreateWebhook createWebhook, ListWebhooks listWebhooks, DeleteWebhook deleteWebhook,
                              ListWebhookDeliveries listDeliveries) {
        this.createWebhook = createWebhook;
        this.listWebhooks = listWebhooks;
        this.deleteWebhook = deleteWebhook;
        this.listDeliveries = listDeliveries;
    }

    @GET
    public Response list(@Context SecurityContext security, @PathParam("agentId") String agentId) {
        return JsonResponses.ok(JsonResponses.envelope("webhooks", Representations.list(
                listWebhooks.listForOwner(Caller.user(security), agentId), SyncRepresentations::webhook)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           InputStream body) {
        CreatedWebhook created = createWebhook.createForOwner(Caller.user(security), agentId,
                WebhookInputs.of(RequestBodies.object(RequestBodies.read(body), false)));
        return JsonResponses.created(JsonResponses.envelope("webhook", SyncRepresentations.created(created)),
                "/api/dashboard/agents/" + created.webhook().agentId() + "/webhooks/" + created.webhook().id());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           @PathParam("id") String id) {
        deleteWebhook.deleteForOwner(Caller.user(security), agentId, id);
        return JsonResponses.ok(JsonResponses.deleted());
    }

    @GET
    @Path("{id}/deliveries")
    public Response deliveries(@Context SecurityContext security, @PathParam("agentId") String agentId,
                               @PathParam("id") String id) {
        return JsonResponses.ok(JsonResponses.envelope("deliveries", Representations.list(
                listDeliveries.listForOwner(Caller.user(security), agentId, id), SyncRepresentations::delivery)));
    }
}

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
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.port.in.CreateSubscription;
import org.agentworkspace.core.port.in.ListSubscriptions;
import org.agentworkspace.core.port.in.RevokeSubscription;
import org.agentworkspace.core.port.in.RotateFeedToken;

/** {@code /api/dashboard/agents/{agentId}/subscriptions…}: the owner shares, rotates and revokes feed URLs. */
@Path("api/dashboard/agents/{agentId}/subscriptions")
public final class DashboardSubscriptionsResource {
    private final ListSubscriptions listSubscriptions;
    private final CreateSubscription createSubscription;
    private final RotateFeedToken rotateFeedToken;
    private final RevokeSubscription revokeSubscription;
    private final Representations representations;

    DashboardSubscriptionsResource(ListSubscriptions listSubscriptions, CreateSubscription createSubscription,
                                   RotateFeedToken rotateFeedToken, RevokeSubscription revokeSubscription,
                                   Representations representations) {
        this.listSubscriptions = listSubscriptions;
        this.createSubscription = createSubscription;
        this.rotateFeedToken = rotateFeedToken;
        this.revokeSubscription = revokeSubscription;
        this.representations = representations;
    }

    @GET
    public Response list(@Context SecurityContext security, @PathParam("agentId") String agentId) {
        return JsonResponses.ok(JsonResponses.envelope("subscriptions", Representations.list(
                listSubscriptions.listForOwner(Caller.user(security), agentId), representations::subscription)));
    }

    /** Every field is optional, so an empty body creates a full-detail feed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @PathParam("agentId") String agentId, InputStream body) {
        Subscription created = createSubscription.create(Caller.user(security), agentId,
                Inputs.subscription(RequestBodies.object(RequestBodies.read(body), true)));
        return JsonResponses.created(JsonResponses.envelope("subscription", representations.subscription(created)),
                "/api/dashboard/agents/" + created.agentId() + "/subscriptions/" + created.id());
    }

    /** A new token and URL; the old URL answers 404 from this instant. */
    @POST
    @Path("{id}/rotate")
    public Response rotate(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           @PathParam("id") String id) {
        Subscription rotated = rotateFeedToken.rotate(Caller.user(security), agentId, id);
        return JsonResponses.ok(JsonResponses.envelope("subscription", representations.subscription(rotated)));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           @PathParam("id") String id) {
        revokeSubscription.revoke(Caller.user(security), agentId, id);
        return JsonResponses.ok(JsonResponses.deleted());
    }
}

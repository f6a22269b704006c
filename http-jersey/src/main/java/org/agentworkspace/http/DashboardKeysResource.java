package org.agentworkspace.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.port.in.CreateApiKey;
import org.agentworkspace.core.port.in.ListApiKeys;
import org.agentworkspace.core.port.in.RevokeApiKey;
import org.agentworkspace.core.port.in.RotateApiKey;

/** {@code /api/dashboard/agents/{agentId}/keys…}: the owner lists, creates, rotates and revokes an agent's keys. */
@Path("api/dashboard/agents/{agentId}/keys")
public final class DashboardKeysResource {
    private final ListApiKeys listApiKeys;
    private final CreateApiKey createApiKey;
    private final RotateApiKey rotateApiKey;
    private final RevokeApiKey revokeApiKey;

    DashboardKeysResource(ListApiKeys listApiKeys, CreateApiKey createApiKey, RotateApiKey rotateApiKey,
                          RevokeApiKey revokeApiKey) {
        this.listApiKeys = listApiKeys;
        this.createApiKey = createApiKey;
        this.rotateApiKey = rotateApiKey;
        this.revokeApiKey = revokeApiKey;
    }

    @GET
    public Response list(@Context SecurityContext security, @PathParam("agentId") String agentId) {
        return JsonResponses.ok(JsonResponses.envelope("keys", Representations.list(
                listApiKeys.list(Caller.user(security), agentId), KeyRepresentations::key)));
    }

    /** Every field is optional: an empty body creates an unlabelled key with every scope that never expires. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @PathParam("agentId") String agentId, InputStream body) {
        IssuedKey created = createApiKey.create(Caller.user(security), agentId,
                Inputs.key(RequestBodies.object(RequestBodies.read(body), true)));
        return Response.status(201).type(JsonResponses.JSON)
                .entity(Json.text(KeyRepresentations.issued(created)))
                .header(HttpHeaders.LOCATION, "/api/dashboard/agents/" + created.key().agentId() + "/keys/"
                        + created.key().id())
                .build();
    }

    /** A new secret for the same key; the old one works {@code graceSeconds} longer (default 0). */
    @POST
    @Path("{keyId}/rotate")
    public Response rotate(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           @PathParam("keyId") String keyId, InputStream body) {
        IssuedKey rotated = rotateApiKey.rotate(Caller.user(security), agentId, keyId,
                Inputs.graceSeconds(RequestBodies.object(RequestBodies.read(body), true)));
        return JsonResponses.ok(KeyRepresentations.issued(rotated));
    }

    @DELETE
    @Path("{keyId}")
    public Response revoke(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           @PathParam("keyId") String keyId) {
        revokeApiKey.revoke(Caller.user(security), agentId, keyId);
        return JsonResponses.ok(JsonResponses.deleted());
    }
}

package org.agentworkspace.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.agentworkspace.core.port.in.ListChanges;

/** {@code GET /api/v1/changes}: a full sync without {@code cursor}, then what changed after each page. */
@Path("api/v1/changes")
public final class ChangesResource {
    private final ListChanges listChanges;

    ChangesResource(ListChanges listChanges) {
        this.listChanges = listChanges;
    }

    @GET
    public Response list(@Context SecurityContext security, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limit) {
        return JsonResponses.ok(SyncRepresentations.changesPage(
                listChanges.list(Caller.agent(security), cursor, limit)));
    }
}

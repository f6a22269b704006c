package org.agentworkspace.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.agentworkspace.core.port.in.GetDocument;
import org.agentworkspace.core.port.in.ListDocuments;

/**
 * {@code /api/dashboard/agents/{agentId}/docs…}: the owner reads an agent's documents. Read-only,
 * like the owner's view of events; writing documents is the agent's business.
 */
@Path("api/dashboard/agents/{agentId}/docs")
public final class DashboardDocumentsResource {
    private final ListDocuments listDocuments;
    private final GetDocument getDocument;

    DashboardDocumentsResource(ListDocuments listDocuments, GetDocument getDocument) {
        this.listDocuments = listDocuments;
        this.getDocument = getDocument;
    }

    /** {@code content=false} leaves the content out, as on the agent API. */
    @GET
    public Response list(@Context SecurityContext security, @PathParam("agentId") String agentId,
                         @QueryParam("content") String content) {
        boolean withContent = !"false".equalsIgnoreCase(content);
        return JsonResponses.ok(JsonResponses.envelope("documents", Representations.list(
                listDocuments.listForOwner(Caller.user(security), agentId, withContent),
                d -> Representations.document(d, withContent))));
    }

    @GET
    @Path("{id}")
    public Response get(@Context SecurityContext security, @PathParam("agentId") String agentId,
                        @PathParam("id") String id) {
        return JsonResponses.ok(JsonResponses.envelope("document",
                Representations.document(getDocument.getForOwner(Caller.user(security), agentId, id), true)));
    }
}

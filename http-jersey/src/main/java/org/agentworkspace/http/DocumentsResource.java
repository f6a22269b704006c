package org.agentworkspace.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CreateDocument;
import org.agentworkspace.core.port.in.DeleteDocument;
import org.agentworkspace.core.port.in.DocumentInput;
import org.agentworkspace.core.port.in.GetDocument;
import org.agentworkspace.core.port.in.ListDocuments;
import org.agentworkspace.core.port.in.UpdateDocument;

/** {@code /api/v1/docs} and its alias {@code /api/v1/documents}: an agent's own documents. */
@Path("api/v1/{collection: docs|documents}")
public final class DocumentsResource {
    private final ListDocuments listDocuments;
    private final CreateDocument createDocument;
    private final GetDocument getDocument;
    private final UpdateDocument updateDocument;
    private final DeleteDocument deleteDocument;
    private final AgentWrites writes;

    DocumentsResource(ListDocuments listDocuments, CreateDocument createDocument, GetDocument getDocument,
                      UpdateDocument updateDocument, DeleteDocument deleteDocument, AgentWrites writes) {
        this.listDocuments = listDocuments;
        this.createDocument = createDocument;
        this.getDocument = getDocument;
        this.updateDocument = updateDocument;
        this.deleteDocument = deleteDocument;
        this.writes = writes;
    }

    /** {@code content=false} leaves the (possibly large) content out of every document. */
    @GET
    public Response list(@Context SecurityContext security, @QueryParam("content") String content) {
        boolean withContent = !"false".equalsIgnoreCase(content);
        return JsonResponses.ok(JsonResponses.envelope("documents", Representations.list(
                listDocuments.list(Caller.agent(security), withContent), d -> Representations.document(d, withContent))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("collection") String collection,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        AgentPrincipal agent = Caller.agent(security);
        byte[] bytes = RequestBodies.read(body);
        DocumentInput input = Inputs.document(RequestBodies.object(bytes, false));
        return writes.perform(agent, Scope.DOCS_WRITE, idempotencyKey, request.getMethod(), uri.getRequestUri().getRawPath(), bytes, () -> {
            Document document = createDocument.create(agent, input);
            return AgentWrites.json(201, JsonResponses.envelope("document", Representations.document(document, true)),
                    "/api/v1/" + collection + "/" + document.id(), Versions.etag(document.version()));
        });
    }

    @GET
    @Path("{id}")
    public Response get(@Context SecurityContext security, @PathParam("id") String id) {
        Document document = getDocument.get(Caller.agent(security), id);
        return JsonResponses.tagged(JsonResponses.envelope("document", Representations.document(document, true)),
                document.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        return update(security, request, uri, id, ifMatch, idempotencyKey, body);
    }

    /** PUT and PATCH are both partial updates of title and content. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        AgentPrincipal agent = Caller.agent(security);
        byte[] bytes = RequestBodies.read(body);
        DocumentInput input = Inputs.document(RequestBodies.object(bytes, false));
        return writes.perform(agent, Scope.DOCS_WRITE, idempotencyKey, request.getMethod(), uri.getRequestUri().getRawPath(), bytes, () -> {
            OptionalLong expected = Versions.expected(ifMatch, () -> getDocument.get(agent, id).version());
            Document document = updateDocument.update(agent, id, input, expected);
            return AgentWrites.json(200, JsonResponses.envelope("document", Representations.document(document, true)),
                    null, Versions.etag(document.version()));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey) {
        AgentPrincipal agent = Caller.agent(security);
        return writes.perform(agent, Scope.DOCS_WRITE, idempotencyKey, request.getMethod(), uri.getRequestUri().getRawPath(), new byte[0], () -> {
            OptionalLong expected = Versions.expected(ifMatch, () -> getDocument.get(agent, id).version());
            deleteDocument.delete(agent, id, expected);
            return AgentWrites.json(200, JsonResponses.deleted(), null, null);
        });
    }
}

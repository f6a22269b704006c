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
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CreateEvent;
import org.agentworkspace.core.port.in.DeleteEvent;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.GetEvent;
import org.agentworkspace.core.port.in.ListEvents;
import org.agentworkspace.core.port.in.UpdateEvent;

/** {@code /api/v1/events}: an agent's own calendar. */
@Path("api/v1/events")
public final class EventsResource {
    private final ListEvents listEvents;
    private final CreateEvent createEvent;
    private final GetEvent getEvent;
    private final UpdateEvent updateEvent;
    private final DeleteEvent deleteEvent;
    private final AgentWrites writes;

    EventsResource(ListEvents listEvents, CreateEvent createEvent, GetEvent getEvent, UpdateEvent updateEvent,
                   DeleteEvent deleteEvent, AgentWrites writes) {
        this.listEvents = listEvents;
        this.createEvent = createEvent;
        this.getEvent = getEvent;
        this.updateEvent = updateEvent;
        this.deleteEvent = deleteEvent;
        this.writes = writes;
    }

    @GET
    public Response list(@Context SecurityContext security, @QueryParam("start_after") String startAfter,
                         @QueryParam("start_before") String startBefore, @QueryParam("limit") String limit,
                         @QueryParam("offset") String offset, @QueryParam("expand") String expand) {
        EventQuery query = new EventQuery(startAfter, startBefore, limit, offset, expand);
        return JsonResponses.ok(JsonResponses.envelope("events",
                Representations.list(listEvents.list(Caller.agent(security), query), Representations::event)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        AgentPrincipal agent = Caller.agent(security);
        byte[] bytes = RequestBodies.read(body);
        EventInput input = Inputs.event(RequestBodies.object(bytes, false));
        return writes.perform(agent, Scope.EVENTS_WRITE, idempotencyKey, request.getMethod(), uri.getRequestUri().getRawPath(), bytes, () -> {
            Event event = createEvent.create(agent, input);
            return AgentWrites.json(201, JsonResponses.envelope("event", Representations.event(event)),
                    "/api/v1/events/" + event.id(), Versions.etag(event.version()));
        });
    }

    @GET
    @Path("{id}")
    public Response get(@Context SecurityContext security, @PathParam("id") String id) {
        Event event = getEvent.get(Caller.agent(security), id);
        return JsonResponses.tagged(JsonResponses.envelope("event", Representations.event(event)), event.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        return update(security, request, uri, id, ifMatch, idempotencyKey, body);
    }

    /** PUT and PATCH are both partial updates, as in the public agent API. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        AgentPrincipal agent = Caller.agent(security);
        byte[] bytes = RequestBodies.read(body);
        EventInput input = Inputs.event(RequestBodies.object(bytes, false));
        return writes.perform(agent, Scope.EVENTS_WRITE, idempotencyKey, request.getMethod(), uri.getRequestUri().getRawPath(), bytes, () -> {
            OptionalLong expected = Versions.expected(ifMatch, () -> getEvent.get(agent, id).version());
            Event event = updateEvent.update(agent, id, input, expected);
            return AgentWrites.json(200, JsonResponses.envelope("event", Representations.event(event)),
                    null, Versions.etag(event.version()));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey) {
        AgentPrincipal agent = Caller.agent(security);
        return writes.perform(agent, Scope.EVENTS_WRITE, idempotencyKey, request.getMethod(), uri.getRequestUri().getRawPath(), new byte[0], () -> {
            OptionalLong expected = Versions.expected(ifMatch, () -> getEvent.get(agent, id).version());
            deleteEvent.delete(agent, id, expected);
            return AgentWrites.json(200, JsonResponses.deleted(), null, null);
        });
    }
}

package org.agentworkspace.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.CancelOccurrence;
import org.agentworkspace.core.port.in.EndSeries;
import org.agentworkspace.core.port.in.EventInput;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.GetEvent;
import org.agentworkspace.core.port.in.GetOccurrence;
import org.agentworkspace.core.port.in.ListOccurrences;
import org.agentworkspace.core.port.in.OccurrenceInput;
import org.agentworkspace.core.port.in.OverrideOccurrence;
import org.agentworkspace.core.port.in.SplitSeries;

/**
 * {@code /api/v1/events/{id}/occurrences}: one series' occurrences, each named by its original
 * start; "this occurrence" by default, "this and following" with {@code following=true}. ETags
 * and {@code If-Match} are the series' own.
 */
@Path("api/v1/events/{id}/occurrences")
public final class OccurrencesResource {
    private final ListOccurrences listOccurrences;
    private final GetOccurrence getOccurrence;
    private final OverrideOccurrence overrideOccurrence;
    private final CancelOccurrence cancelOccurrence;
    private final SplitSeries splitSeries;
    private final EndSeries endSeries;
    private final GetEvent getEvent;
    private final AgentWrites writes;

    OccurrencesResource(ListOccurrences listOccurrences, GetOccurrence getOccurrence,
                        OverrideOccurrence overrideOccurrence, CancelOccurrence cancelOccurrence,
                        SplitSeries splitSeries, EndSeries endSeries, GetEvent getEvent, AgentWrites writes) {
        this.listOccurrences = listOccurrences;
        this.getOccurrence = getOccurrence;
        this.overrideOccurrence = overrideOccurrence;
        this.cancelOccurrence = cancelOccurrence;
        this.splitSeries = splitSeries;
        this.endSeries = endSeries;
        this.getEvent = getEvent;
        this.writes = writes;
    }

    @GET
    public Response list(@Context SecurityContext security, @PathParam("id") String id,
                         @QueryParam("start_after") String startAfter, @QueryParam("start_before") String startBefore,
                         @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        EventQuery query = new EventQuery(startAfter, startBefore, limit, offset, null);
        return JsonResponses.ok(JsonResponses.envelope("occurrences", Representations.list(
                listOccurrences.list(Caller.agent(security), id, query), Representations::occurrence)));
    }

    @GET
    @Path("{originalStart}")
    public Response get(@Context SecurityContext security, @PathParam("id") String id,
                        @PathParam("originalStart") String originalStart) {
        Event occurrence = getOccurrence.get(Caller.agent(security), id, originalStart);
        return JsonResponses.tagged(JsonResponses.envelope("occurrence", Representations.occurrence(occurrence)),
                occurrence.version());
    }

    /** PUT and PATCH are both partial, as for events. */
    @PUT
    @Path("{originalStart}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                            @PathParam("id") String id, @PathParam("originalStart") String originalStart,
                            @QueryParam("following") String following, @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        if (following(following)) {
            throw ValidationFailed.of("following", "following=true is for PATCH and DELETE");
        }
        return update(security, request, uri, id, originalStart, null, ifMatch, idempotencyKey, body);
    }

    @PATCH
    @Path("{originalStart}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("id") String id, @PathParam("originalStart") String originalStart,
                           @QueryParam("following") String following, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        AgentPrincipal agent = Caller.agent(security);
        boolean thisAndFollowing = following(following);
        byte[] bytes = RequestBodies.read(body);
        if (thisAndFollowing) {
            EventInput changes = Inputs.event(RequestBodies.object(bytes, false));
            return writes.perform(agent, Scope.EVENTS_WRITE, idempotencyKey, request.getMethod(), rawPathAndQuery(uri), bytes, () -> {
                OptionalLong expected = Versions.expected(ifMatch, () -> getEvent.get(agent, id).version());
                Event created = splitSeries.split(agent, id, originalStart, changes, expected);
                return AgentWrites.json(201, JsonResponses.envelope("event", Representations.event(created)),
                        "/api/v1/events/" + created.id(), Versions.etag(created.version()));
            });
        }
        OccurrenceInput input = Inputs.occurrence(RequestBodies.object(bytes, false));
        return writes.perform(agent, Scope.EVENTS_WRITE, idempotencyKey, request.getMethod(), rawPathAndQuery(uri), bytes, () -> {
            OptionalLong expected = Versions.expected(ifMatch, () -> getEvent.get(agent, id).version());
            Event occurrence = overrideOccurrence.override(agent, id, originalStart, input, expected);
            return AgentWrites.json(200, JsonResponses.envelope("occurrence", Representations.occurrence(occurrence)),
                    null, Versions.etag(occurrence.version()));
        });
    }

    @DELETE
    @Path("{originalStart}")
    public Response delete(@Context SecurityContext security, @Context Request request, @Context UriInfo uri,
                           @PathParam("id") String id, @PathParam("originalStart") String originalStart,
                           @QueryParam("following") String following, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(AgentWrites.IDEMPOTENCY_KEY) String idempotencyKey) {
        AgentPrincipal agent = Caller.agent(security);
        boolean thisAndFollowing = following(following);
        return writes.perform(agent, Scope.EVENTS_WRITE, idempotencyKey, request.getMethod(), rawPathAndQuery(uri), new byte[0], () -> {
            OptionalLong expected = Versions.expected(ifMatch, () -> getEvent.get(agent, id).version());
            if (thisAndFollowing) {
                endSeries.endBefore(agent, id, originalStart, expected);
            } else {
                cancelOccurrence.cancel(agent, id, originalStart, expected);
            }
            return AgentWrites.json(200, JsonResponses.deleted(), null, null);
        });
    }

    private static boolean following(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ValidationFailed.of("following", "following must be true or false");
    }

    /**
     * The idempotency fingerprint covers the query too: "this occurrence" and "this and following"
     * on the same path are different requests.
     */
    private static String rawPathAndQuery(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return query == null ? uri.getRequestUri().getRawPath() : uri.getRequestUri().getRawPath() + "?" + query;
    }
}

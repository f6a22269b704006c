package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.CreateAgent;
import org.agentworkspace.core.port.in.DeleteAgent;
import org.agentworkspace.core.port.in.EventQuery;
import org.agentworkspace.core.port.in.GetAgent;
import org.agentworkspace.core.port.in.GetCurrentUser;
import org.agentworkspace.core.port.in.ListAgents;
import org.agentworkspace.core.port.in.ListAuditEntries;
import org.agentworkspace.core.port.in.ListEvents;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.in.PageQuery;
import org.agentworkspace.core.port.in.RegenerateApiKey;
import org.agentworkspace.core.port.in.UpdateAgent;
import org.agentworkspace.core.usecase.UseCases;

/** {@code /api/dashboard/me} and {@code /api/dashboard/agents…}: a user managing the agents they own. */
@Path("api/dashboard")
public final class DashboardResource {
    private final GetCurrentUser getCurrentUser;
    private final ListAgents listAgents;
    private final CreateAgent createAgent;
    private final GetAgent getAgent;
    private final UpdateAgent updateAgent;
    private final DeleteAgent deleteAgent;
    private final RegenerateApiKey regenerateApiKey;
    private final ListEvents listEvents;
    private final ListAuditEntries listAuditEntries;
    private final Representations representations;

    DashboardResource(UseCases useCases, Representations representations) {
        this.getCurrentUser = useCases.getCurrentUser();
        this.listAgents = useCases.listAgents();
        this.createAgent = useCases.createAgent();
        this.getAgent = useCases.getAgent();
        this.updateAgent = useCases.updateAgent();
        this.deleteAgent = useCases.deleteAgent();
        this.regenerateApiKey = useCases.regenerateApiKey();
        this.listEvents = useCases.listEvents();
        this.listAuditEntries = useCases.listAuditEntries();
        this.representations = representations;
    }

    @GET
    @Path("me")
    public Response me(@Context SecurityContext security) {
        return JsonResponses.ok(JsonResponses.envelope("user",
                Representations.user(getCurrentUser.me(Caller.user(security)))));
    }

    @GET
    @Path("agents")
    public Response agents(@Context SecurityContext security) {
        return JsonResponses.ok(JsonResponses.envelope("agents",
                Representations.list(listAgents.list(Caller.user(security)), Representations::agent)));
    }

    /** Agent, calendar, first key (shown this once) and first feed, created together. */
    @POST
    @Path("agents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAgent(@Context SecurityContext security, InputStream body) {
        UserPrincipal user = Caller.user(security);
        NewAgent created = createAgent.create(user, Inputs.newAgent(RequestBodies.object(RequestBodies.read(body), false)));
        ObjectNode json = Json.object();
        json.set("agent", Representations.agent(created.agent()));
        json.put("apiKey", created.apiKey().reveal());
        json.set("subscription", representations.subscription(created.subscription()));
        return JsonResponses.created(json, "/api/dashboard/agents/" + created.agent().id());
    }

    @GET
    @Path("agents/{agentId}")
    public Response agent(@Context SecurityContext security, @PathParam("agentId") String agentId) {
        return JsonResponses.ok(JsonResponses.envelope("agent",
                Representations.agent(getAgent.get(Caller.user(security), agentId))));
    }

    @PATCH
    @Path("agents/{agentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateAgent(@Context SecurityContext security, @PathParam("agentId") String agentId,
                                InputStream body) {
        UserPrincipal user = Caller.user(security);
        Agent agent = updateAgent.update(user, agentId,
                Inputs.agentChange(RequestBodies.object(RequestBodies.read(body), false)));
        return JsonResponses.ok(JsonResponses.envelope("agent", Representations.agent(agent)));
    }

    /** Deletes the agent with all its data; its key and feeds stop working at once. */
    @DELETE
    @Path("agents/{agentId}")
    public Response deleteAgent(@Context SecurityContext security, @PathParam("agentId") String agentId) {
        deleteAgent.delete(Caller.user(security), agentId);
        return JsonResponses.ok(JsonResponses.deleted());
    }

    /** A new key, shown this once; the old key fails from this instant. */
    @POST
    @Path("agents/{agentId}/api-key")
    public Response regenerateApiKey(@Context SecurityContext security, @PathParam("agentId") String agentId) {
        ObjectNode json = Json.object();
        json.put("apiKey", regenerateApiKey.regenerate(Caller.user(security), agentId).reveal());
        return JsonResponses.ok(json);
    }

    @GET
    @Path("agents/{agentId}/events")
    public Response events(@Context SecurityContext security, @PathParam("agentId") String agentId,
                           @QueryParam("start_after") String startAfter, @QueryParam("start_before") String startBefore,
                           @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                           @QueryParam("expand") String expand) {
        EventQuery query = new EventQuery(startAfter, startBefore, limit, offset, expand);
        return JsonResponses.ok(JsonResponses.envelope("events", Representations.list(
                listEvents.listForOwner(Caller.user(security), agentId, query), Representations::event)));
    }

    /** Security events of the agent, newest first. */
    @GET
    @Path("agents/{agentId}/audit")
    public Response audit(@Context SecurityContext security, @PathParam("agentId") String agentId,
                          @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return JsonResponses.ok(JsonResponses.envelope("entries", Representations.list(
                listAuditEntries.list(Caller.user(security), agentId, new PageQuery(limit, offset)),
                Representations::auditEntry)));
    }
}

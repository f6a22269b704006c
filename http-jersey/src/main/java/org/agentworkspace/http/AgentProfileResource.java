package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.GetAgentProfile;
import org.agentworkspace.core.port.in.ListSubscriptions;

/** {@code /api/v1/me} and {@code /api/v1/subscriptions}: what an agent may know about itself. */
@Path("api/v1")
public final class AgentProfileResource {
    private final GetAgentProfile getAgentProfile;
    private final ListSubscriptions listSubscriptions;
    private final Representations representations;

    AgentProfileResource(GetAgentProfile getAgentProfile, ListSubscriptions listSubscriptions,
                         Representations representations) {
        this.getAgentProfile = getAgentProfile;
        this.listSubscriptions = listSubscriptions;
        this.representations = representations;
    }

    @GET
    @Path("me")
    public Response me(@Context SecurityContext security) {
        AgentPrincipal agent = Caller.agent(security);
        ObjectNode json = JsonResponses.envelope("agent", Representations.agentProfile(getAgentProfile.me(agent)));
        json.set("key", KeyRepresentations.callingKey(agent));
        return JsonResponses.ok(json);
    }

    /** The agent's live feed URLs, read-only: it may share them, never change them. */
    @GET
    @Path("subscriptions")
    public Response subscriptions(@Context SecurityContext security) {
        return JsonResponses.ok(JsonResponses.envelope("subscriptions", Representations.list(
                listSubscriptions.list(Caller.agent(security)), representations::subscription)));
    }
}

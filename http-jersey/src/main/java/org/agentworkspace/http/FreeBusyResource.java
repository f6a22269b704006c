package org.agentworkspace.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.agentworkspace.core.port.in.GetFreeBusy;

/** {@code /api/v1/freebusy}: when the agent is busy in a window of at most 366 days. */
@Path("api/v1/freebusy")
public final class FreeBusyResource {
    private final GetFreeBusy getFreeBusy;

    FreeBusyResource(GetFreeBusy getFreeBusy) {
        this.getFreeBusy = getFreeBusy;
    }

    @GET
    public Response get(@Context SecurityContext security, @QueryParam("start_after") String startAfter,
                        @QueryParam("start_before") String startBefore) {
        return JsonResponses.ok(Representations.freeBusy(getFreeBusy.get(Caller.agent(security), startAfter,
                startBefore)));
    }
}

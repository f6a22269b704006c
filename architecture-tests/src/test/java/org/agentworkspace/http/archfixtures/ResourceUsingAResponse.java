package org.agentworkspace.http.archfixtures;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.archfixture.StubResponse;
import org.agentworkspace.core.port.in.GetEvent;

/** Keeps the web rules: JAX-RS inside http, data through an inbound use case. */
@Path("events")
public class ResourceUsingAResponse {
    private final GetEvent getEvent;

    public ResourceUsingAResponse(GetEvent getEvent) {
        this.getEvent = getEvent;
    }

    public int status(StubResponse response) {
        return getEvent == null ? 500 : response.getStatus();
    }
}

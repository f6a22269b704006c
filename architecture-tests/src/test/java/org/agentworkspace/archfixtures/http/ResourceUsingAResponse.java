package org.agentworkspace.archfixtures.http;

import jakarta.ws.rs.archfixture.StubResponse;
import org.agentworkspace.core.port.in.GetEvent;

/** Keeps both web rules: JAX-RS inside http, data through an inbound use case. */
public class ResourceUsingAResponse {
    private final GetEvent getEvent;

    public ResourceUsingAResponse(GetEvent getEvent) {
        this.getEvent = getEvent;
    }

    public int status(StubResponse response) {
        return getEvent == null ? 500 : response.getStatus();
    }
}

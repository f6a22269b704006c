package org.agentworkspace.ics.archfixtures;

import jakarta.ws.rs.archfixture.StubResponse;

/** Breaks "no class outside http, clerk and app touches JAX-RS". */
public class ResponseOutsideTheWeb {
    public int status(StubResponse response) {
        return response.getStatus();
    }
}

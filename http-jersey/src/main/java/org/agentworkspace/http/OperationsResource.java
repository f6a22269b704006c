package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /healthz} (the process runs) and {@code /readyz} (the database answers). */
@Path("")
public final class OperationsResource {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsResource.class);
    private final Readiness readiness;

    OperationsResource(Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("healthz")
    public Response health() {
        return JsonResponses.ok(status("ok"));
    }

    @GET
    @Path("readyz")
    public Response ready() {
        if (databaseAnswers()) {
            return JsonResponses.ok(status("ok"));
        }
        return ErrorBodies.response(503, "Database unavailable").header("Retry-After", ErrorMapper.RETRY_AFTER_SECONDS).build();
    }

    private boolean databaseAnswers() {
        try {
            return readiness.databaseAnswers();
        } catch (RuntimeException e) {
            LOG.warn("Readiness check failed", e);
            return false;
        }
    }

    private static ObjectNode status(String status) {
        ObjectNode body = Json.object();
        body.put("status", status);
        return body;
    }
}

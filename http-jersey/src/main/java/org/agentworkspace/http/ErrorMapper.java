package org.agentworkspace.http;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.Conflict;
import org.agentworkspace.core.domain.CursorExpired;
import org.agentworkspace.core.domain.IdempotencyMismatch;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.domain.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes one of the bodies of API.md. Core's sealed family maps type by type;
 * Jersey's own routing failures get our shape; anything else is a 500 whose body shows only the
 * request id (the log, written by {@link RequestIdFilter}, holds the rest).
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WorkspaceException workspace) {
            return forWorkspace(workspace);
        }
        if (failure instanceof RequestRejected rejected) {
            Response.ResponseBuilder response = ErrorBodies.response(rejected.status(), rejected.getMessage());
            if (rejected.status() == 413) {
                // The rest of the body is still on the wire; closing beats reading a mebibyte to discard it.
                response.header("Connection", "close");
            }
            return response.build();
        }
        if (failure instanceof WebApplicationException web) {
            return forJaxRs(web);
        }
        return unexpected(failure);
    }

    private static Response forWorkspace(WorkspaceException failure) {
        if (failure instanceof NotFound) {
            return ErrorBodies.response(404, failure.getMessage()).build();
        }
        if (failure instanceof ValidationFailed invalid) {
            return Response.status(400).type(JsonResponses.JSON)
                    .entity(ErrorBodies.validation(invalid.issues())).build();
        }
        if (failure instanceof Unauthenticated) {
            return ErrorBodies.response(401, "Unauthorized").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        if (failure instanceof AgentNotWritable || failure instanceof AgentSuspended || failure instanceof ScopeMissing) {
            return ErrorBodies.response(403, failure.getMessage()).build();
        }
        if (failure instanceof PreconditionFailed) {
            return ErrorBodies.response(412, failure.getMessage()).build();
        }
        if (failure instanceof Conflict) {
            return ErrorBodies.response(409, failure.getMessage()).build();
        }
        if (failure instanceof IdempotencyMismatch) {
            return ErrorBodies.response(422, failure.getMessage()).build();
        }
        if (failure instanceof CursorExpired) {
            return ErrorBodies.response(410, failure.getMessage()).build();
        }
        if (failure instanceof WebhookRejected) {
            return ErrorBodies.response(400, failure.getMessage()).build();
        }
        if (failure instanceof Unavailable) {
            LOG.warn("Service unavailable: {}", failure.getMessage(), failure.getCause());
            return ErrorBodies.response(503, failure.getMessage()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return unexpected(failure);
    }

    private static Response forJaxRs(WebApplicationException failure) {
        if (failure instanceof NotFoundException) {
            return ErrorBodies.response(404, "Not found").build();
        }
        if (failure instanceof NotAllowedException) {
            return ErrorBodies.response(405, "Method not allowed")
                    .header(HttpHeaders.ALLOW, failure.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        if (failure instanceof NotSupportedException) {
            return ErrorBodies.response(415, "Content-Type must be application/json").build();
        }
        int status = failure.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            Response.StatusType type = failure.getResponse().getStatusInfo();
            return ErrorBodies.response(status, type.getReasonPhrase()).build();
        }
        return unexpected(failure);
    }

    private static Response unexpected(Throwable failure) {
        return Response.status(500).type(JsonResponses.JSON).entity(new UnexpectedFailure(failure)).build();
    }

    /** A 500 on its way out; {@link RequestIdFilter} logs it with the request id and writes the body. */
    record UnexpectedFailure(Throwable cause) {
    }
}

package org.agentworkspace.clerk;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.domain.WorkspaceException;

/** Stands in for the http module's mapper: the status by type, the message as the body. */
final class WorkspaceExceptionStatus implements ExceptionMapper<WorkspaceException> {

    @Override
    public Response toResponse(WorkspaceException failure) {
        int status = failure instanceof WebhookRejected ? 400 : failure instanceof Unavailable ? 503 : 500;
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(failure.getMessage()).build();
    }
}

package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id and every response an {@code X-Request-Id}: the caller's own when it
 * is a sane token (so it can correlate), a fresh UUID otherwise (so nothing odd reaches a log).
 * Also the one place a 500 is logged, because only here are the failure and the id both known.
 */
@PreMatching
@Priority(RequestIdFilter.PRIORITY)
final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final int PRIORITY = 100;
    static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = RequestIdFilter.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, chooseId(request.getHeaderString(HEADER)));
    }

    static String chooseId(String presented) {
        return presented != null && SANE.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        String requestId = id instanceof String text ? text : chooseId(null);
        response.getHeaders().putSingle(HEADER, requestId);
        if (response.getEntity() instanceof ErrorMapper.UnexpectedFailure failure) {
            LOG.error("Internal error on {} {} (request id {})", request.getMethod(),
                    loggablePath(request.getUriInfo().getPath()), requestId, failure.cause());
            ObjectNode body = Json.object();
            body.put("error", "Internal error");
            body.put("requestId", requestId);
            response.setEntity(Json.text(body), new java.lang.annotation.Annotation[0], JsonResponses.JSON);
        }
    }

    /** A feed URL's last segment is its secret: it never reaches a log. */
    static String loggablePath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.startsWith("api/cal/")) {
            int lastSlash = trimmed.lastIndexOf('/');
            return "/" + trimmed.substring(0, lastSlash + 1) + "[token]";
        }
        return "/" + trimmed;
    }
}

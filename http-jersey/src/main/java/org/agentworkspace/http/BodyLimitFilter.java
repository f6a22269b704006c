package org.agentworkspace.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import org.agentworkspace.http.edge.EdgeHandler;

/**
 * Drops the body of GET, HEAD, DELETE and OPTIONS, refuses a body over the limit before reading it when its length is announced, and otherwise
 * wraps the stream so reading stops one byte past the limit. Runs before authentication: an
 * oversized body is refused without costing a credential lookup.
 */
@PreMatching
@Priority(RequestIdFilter.PRIORITY + 10)
final class BodyLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;

    BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (EdgeHandler.BODILESS.contains(request.getMethod())) {
            // API.md: a body on GET, HEAD, DELETE is ignored; the request is served as if it had none.
            request.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            request.getHeaders().remove("Transfer-Encoding");
            request.setEntityStream(InputStream.nullInputStream());
            return;
        }
        String announced = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (announced != null && exceeds(announced.trim())) {
            throw RequestRejected.bodyTooLarge();
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }

    private boolean exceeds(String announced) {
        try {
            return Long.parseLong(announced) > maxBytes;
        } catch (NumberFormatException e) {
            // A length too long for a long is over any limit; a malformed one is the container's problem.
            return announced.chars().allMatch(Character::isDigit) && !announced.isEmpty();
        }
    }
}

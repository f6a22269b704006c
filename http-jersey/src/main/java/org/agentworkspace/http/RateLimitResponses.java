package org.agentworkspace.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.agentworkspace.http.limits.RateDecision;

/** The IETF {@code RateLimit-Policy} / {@code RateLimit} fields and the contract's 429. */
final class RateLimitResponses {
    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";
    static final String MESSAGE = "Too many requests";

    private RateLimitResponses() {
    }

    static Response tooManyRequests(RateDecision decision) {
        return ErrorBodies.response(429, MESSAGE)
                .header(POLICY, decision.policy().header())
                .header(LIMIT, decision.header())
                .header(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                .build();
    }

    static void describe(MultivaluedMap<String, Object> headers, RateDecision decision) {
        headers.putSingle(POLICY, decision.policy().header());
        headers.putSingle(LIMIT, decision.header());
    }

    /** Turns a response already on its way out into the 429 (its entity, e.g. a feed not yet rendered, is dropped). */
    static void replaceWithTooManyRequests(ContainerResponseContext response, RateDecision decision) {
        response.setStatus(429);
        // The validators described the feed that is no longer being sent.
        response.getHeaders().remove("ETag");
        response.getHeaders().remove("Last-Modified");
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.setEntity(ErrorBodies.error(MESSAGE), new java.lang.annotation.Annotation[0], JsonResponses.JSON);
        describe(response.getHeaders(), decision);
        response.getHeaders().putSingle(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
    }
}

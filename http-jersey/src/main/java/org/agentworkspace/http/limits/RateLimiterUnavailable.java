package org.agentworkspace.http.limits;

/** The shared bucket store could not be reached; the request is answered 503, never let through unlimited. */
public final class RateLimiterUnavailable extends RuntimeException {
    public RateLimiterUnavailable(Throwable cause) {
        super("Rate limiter unavailable", cause);
    }
}

package org.agentworkspace.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Set;

/**
 * The CSRF defence of cookie sessions (issue 15, item 6). A browser attaches the {@code __session}
 * cookie to any site's form POST, so a state-changing dashboard request authenticated by that
 * cookie alone must prove it comes from our own pages: its {@code Origin} is one of the trusted
 * origins (the server's own, Clerk's authorized parties), or, without an {@code Origin}, its
 * {@code Sec-Fetch-Site} is {@code same-origin}; otherwise 403 before the session is even verified.
 * A bearer header cannot be attached by another site, so bearer requests are not subject to it.
 *
 * <p>Such a request's body must also say it is JSON: without a {@code Content-Type} it is refused
 * with 415 (JAX-RS would match it to a JSON method; other types already are 415).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 10)
final class CrossSiteRequestFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> trustedOrigins;

    /** @param trustedOrigins {@code scheme://host[:port]}, as browsers write {@code Origin} */
    CrossSiteRequestFilter(Set<String> trustedOrigins) {
        this.trustedOrigins = Set.copyOf(trustedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        boolean byCookie = RateLimitedRoutes.dashboardApi(request.getUriInfo().getPath())
                && AuthenticationFilter.bearer(request) == null
                && request.getCookies().containsKey(AuthenticationFilter.SESSION_COOKIE);
        if (!byCookie) {
            return;
        }
        if (!sameSite(request)) {
            throw new RequestRejected(403, "Cross-site request refused: a request authenticated by the __session "
                    + "cookie must come from this server's own pages (Origin); scripts send Authorization: Bearer");
        }
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new RequestRejected(415, "Content-Type must be application/json");
        }
    }

    private boolean sameSite(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            return trustedOrigins.contains(origin.trim().toLowerCase(Locale.ROOT));
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        return site != null && site.trim().equalsIgnoreCase("same-origin");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}

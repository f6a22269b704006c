package org.agentworkspace.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.port.in.AuthenticateAgent;
import org.agentworkspace.core.port.in.AuthenticateUser;

/**
 * Step one of the ownership chain for the two authenticated APIs: {@code /api/v1/*} (and the MCP
 * server at {@code /mcp}, the same agent API over another protocol) takes an agent's API key,
 * {@code /api/dashboard/*} a user's session (bearer or {@code __session} cookie).
 * Each request asks core afresh, so a regenerated key or a deleted user fails on the very next
 * request. Failures throw core's {@code Unauthenticated}, which never says what was wrong; a key
 * that cannot be one (shape, checksum) is answered the same 401 at once, from prebuilt bytes.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    static final String SESSION_COOKIE = "__session";
    /** Set on a request whose API key failed its shape or checksum: refused without any lookup. */
    static final String MALFORMED_KEY = AuthenticationFilter.class.getName() + ".malformedKey";
    /** API.md's 401 body, exactly as {@link ErrorMapper} writes it for {@code Unauthenticated}. */
    private static final byte[] UNAUTHORIZED_BODY = ErrorBodies.error("Unauthorized")
            .getBytes(StandardCharsets.UTF_8);
    private static final String BEARER = "bearer ";

    private final AuthenticateAgent authenticateAgent;
    private final AuthenticateUser authenticateUser;

    AuthenticationFilter(AuthenticateAgent authenticateAgent, AuthenticateUser authenticateUser) {
        this.authenticateAgent = authenticateAgent;
        this.authenticateUser = authenticateUser;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = relativePath(request.getUriInfo().getPath());
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        if (under(path, "api/v1") || under(path, "mcp")) {
            String key = bearer(request);
            if (!ApiKey.wellFormed(key)) {
                // Core would refuse it without a lookup too; answered here from bytes built once,
                // without an exception, so garbage costs no more than reading it (issue 21).
                request.setProperty(MALFORMED_KEY, Boolean.TRUE);
                request.abortWith(Response.status(401).type(JsonResponses.JSON)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(UNAUTHORIZED_BODY).build());
                return;
            }
            Caller caller = new Caller.Agent(authenticateAgent.authenticate(key));
            request.setSecurityContext(new CallerSecurityContext(caller, secure));
        } else if (under(path, "api/dashboard")) {
            String token = bearer(request);
            if (token == null) {
                Cookie session = request.getCookies().get(SESSION_COOKIE);
                token = session == null ? null : session.getValue();
            }
            Caller caller = new Caller.User(authenticateUser.authenticate(token));
            request.setSecurityContext(new CallerSecurityContext(caller, secure));
        }
    }

    private static String relativePath(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The credential of an {@code Authorization: Bearer …} header; {@code null} when there is none. */
    static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}

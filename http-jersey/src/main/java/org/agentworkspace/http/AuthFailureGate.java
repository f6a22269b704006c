package org.agentworkspace.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import org.agentworkspace.http.limits.Partition;
import org.agentworkspace.http.limits.RateDecision;
import org.agentworkspace.http.limits.RateLimitPolicy;
import org.agentworkspace.http.limits.TrustedProxies;
import org.glassfish.grizzly.http.server.Request;

/**
 * Runs before authentication: names the client address (socket peer, or {@code X-Forwarded-For}
 * behind a trusted proxy) and marks a request from an address this instance knows to have used up
 * its failed-authentication quota: should its credential fail too, it is refused with 429 without a
 * database round trip; a valid credential from the same address still works.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
final class AuthFailureGate implements ContainerRequestFilter {
    static final String CLIENT_ADDRESS = AuthFailureGate.class.getName() + ".clientAddress";
    /** The refusal a failure from a blocked address gets, set only while the address is blocked. */
    static final String BLOCKED = AuthFailureGate.class.getName() + ".blocked";

    private final TrustedProxies trustedProxies;
    private final BlockedAddresses blocked;
    private final RateLimitPolicy authPolicy;
    private final RateLimitMetrics metrics;

    @Inject
    private Provider<Request> grizzlyRequest;

    AuthFailureGate(TrustedProxies trustedProxies, BlockedAddresses blocked, RateLimitPolicy authPolicy,
                    RateLimitMetrics metrics) {
        this.trustedProxies = trustedProxies;
        this.blocked = blocked;
        this.authPolicy = authPolicy;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!RateLimitedRoutes.credentialed(request.getUriInfo().getPath())) {
            return;
        }
        ClientAddress address = new ClientAddress(() -> clientAddress(request));
        request.setProperty(CLIENT_ADDRESS, address);
        if (blocked.isEmpty()) {
            // The common case: the address is needed only if this request fails, so it is
            // resolved then (asking Grizzly for it per request showed in the profile).
            return;
        }
        long seconds = blocked.secondsBlocked(address.get());
        if (seconds > 0) {
            // Not refused yet: a valid credential from this address still works (issue 15, item 11).
            // If it fails, RateLimitFilter answers 429 from this without another database round trip.
            request.setProperty(BLOCKED, new RateDecision(authPolicy, false, 0, seconds, seconds));
        }
    }

    /** The client address of one request, resolved on first use. */
    static final class ClientAddress {
        private final java.util.function.Supplier<String> resolve;
        private String value;

        ClientAddress(java.util.function.Supplier<String> resolve) {
            this.resolve = resolve;
        }

        String get() {
            if (value == null) {
                value = resolve.get();
            }
            return value;
        }
    }

    private String clientAddress(ContainerRequestContext request) {
        String peer = peer();
        List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
        return trustedProxies.clientAddress(peer, forwarded == null ? List.of() : forwarded);
    }

    /** The socket's remote address; "unknown" outside Grizzly (an in-memory test container). */
    private String peer() {
        try {
            Request raw = grizzlyRequest == null ? null : grizzlyRequest.get();
            return raw == null || raw.getRemoteAddr() == null ? "unknown" : raw.getRemoteAddr();
        } catch (RuntimeException notInGrizzly) {
            return "unknown";
        }
    }
}

package org.agentworkspace.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.http.limits.LocalRateLimiter;
import org.agentworkspace.http.limits.Partition;
import org.agentworkspace.http.limits.RateDecision;
import org.agentworkspace.http.limits.RateLimiter;
import org.agentworkspace.http.limits.RateLimiterUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-credential limits. A request proven by {@link AuthenticationFilter} costs a unit of its
 * key's or user's bucket before any resource runs. A feed fetch costs a unit of its token's bucket
 * once the token proved valid, before the calendar is rendered. A failed authentication (401 on
 * the APIs, 404 on a feed path) costs a unit of the client address's bucket, never the named
 * key's: a stranger's failures cannot lock out a key holder elsewhere, and a garbage credential
 * (refused by core without a lookup) never creates a bucket for itself.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 50)
final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final RateLimiter lookupFreeFailures;
    private final BlockedAddresses blocked;
    private final RateLimitMetrics metrics;

    RateLimitFilter(RateLimiter limiter, BlockedAddresses blocked, RateLimitMetrics metrics) {
        this.limiter = limiter;
        this.lookupFreeFailures = new LocalRateLimiter(limiter::policy);
        this.blocked = blocked;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() == null) {
            return;
        }
        java.security.Principal principal = request.getSecurityContext().getUserPrincipal();
        RateDecision decision;
        if (principal instanceof Caller.Agent agent) {
            decision = consume(Partition.KEY, agent.principal().agentId().toString());
        } else if (principal instanceof Caller.User user) {
            decision = consume(Partition.USER, user.principal().userId().toString());
        } else {
            return;
        }
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            reject(decision);
            request.abortWith(RateLimitResponses.tooManyRequests(decision));
        }
    }

    private RateDecision consume(Partition partition, String subject) {
        try {
            return limiter.consume(partition, subject);
        } catch (RateLimiterUnavailable e) {
            throw new Unavailable("Rate limiter unavailable", e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 429) {
            return;
        }
        if (request.getProperty(DECISION) instanceof RateDecision decision) {
            RateLimitResponses.describe(response.getHeaders(), decision);
            return;
        }
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        boolean failedAuthentication = status == 401 && RateLimitedRoutes.credentialed(path)
                || status == 404 && RateLimitedRoutes.feed(path);
        try {
            if (failedAuthentication) {
                chargeFailure(request, response);
            } else if (RateLimitedRoutes.feed(path) && (status == 200 || status == 304)) {
                chargeFeed(path, response);
            }
        } catch (RateLimiterUnavailable e) {
            // The response is already decided and the request did no work beyond its lookup; a
            // storage hiccup here is logged rather than turning a 401 or a feed into a 503.
            LOG.warn("Rate limiter unavailable while answering {}: {}", status, e.getMessage());
        }
    }

    private void chargeFailure(ContainerRequestContext request, ContainerResponseContext response) {
        String address = request.getProperty(AuthFailureGate.CLIENT_ADDRESS) instanceof AuthFailureGate.ClientAddress a
                ? a.get() : "unknown";
        if (request.getProperty(AuthFailureGate.BLOCKED) instanceof RateDecision known) {
            reject(known);
            RateLimitResponses.replaceWithTooManyRequests(response, known);
            return;
        }
        RateLimiter charged = costALookup(request) ? limiter : lookupFreeFailures;
        RateDecision decision = charged.consume(Partition.AUTH, address);
        if (decision.allowed()) {
            RateLimitResponses.describe(response.getHeaders(), decision);
            return;
        }
        blocked.block(address, decision.retryAfterSeconds());
        reject(decision);
        RateLimitResponses.replaceWithTooManyRequests(response, decision);
    }

    /**
     * Whether refusing this credential took a database lookup: a well-formed API key (its checksum
     * held) or a well-formed feed token. Garbage keys and tokens, and session tokens (verified by
     * signature alone), are refused without one, and so must not cost one here either.
     */
    private static boolean costALookup(ContainerRequestContext request) {
        if (request.getProperty(AuthenticationFilter.MALFORMED_KEY) != null) {
            return false;
        }
        String path = request.getUriInfo().getPath();
        if (RateLimitedRoutes.feed(path)) {
            String token = RateLimitedRoutes.feedToken(path);
            return token != null && FeedToken.parse(token).isPresent();
        }
        if (RateLimitedRoutes.agentApi(path)) {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && ApiKey.parse(header.substring(7).trim()).isPresent();
        }
        return false;
    }

    private void chargeFeed(String path, ContainerResponseContext response) {
        String token = RateLimitedRoutes.feedToken(path);
        if (token == null) {
            return;
        }
        RateDecision decision = limiter.consume(Partition.FEED, sha256(token));
        if (decision.allowed()) {
            RateLimitResponses.describe(response.getHeaders(), decision);
        } else {
            reject(decision);
            RateLimitResponses.replaceWithTooManyRequests(response, decision);
        }
    }

    private void reject(RateDecision decision) {
        metrics.rejected(decision.policy().partition());
    }

    /** Buckets are named by the token's digest: the table must not become a list of live feed URLs. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

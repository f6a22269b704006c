package org.agentworkspace.http;

import jakarta.ws.rs.core.SecurityContext;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.usecase.UseCases;
import org.agentworkspace.http.limits.Partition;
import org.agentworkspace.http.metrics.MetricsResource;
import org.agentworkspace.http.metrics.RequestObserver;
import org.agentworkspace.http.openapi.OpenApiResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The HTTP layer as one {@link ResourceConfig}: every route of API.md except the Clerk webhook
 * (which the app registers from its own module), with authentication, body limits, request ids
 * and error mapping; with {@link HttpOperations}, also rate limits, {@code /metrics}, {@code /openapi.json}
 * and the access log. Everything is registered explicitly as a finished instance; nothing is scanned.
 */
public final class AgentWorkspaceHttp {
    private AgentWorkspaceHttp() {
    }

    /** Without rate limits and with a metrics registry of its own; see the four-argument form. */
    public static ResourceConfig resourceConfig(HttpSettings settings, UseCases useCases, Readiness readiness) {
        return resourceConfig(settings, useCases, readiness, HttpOperations.unlimited());
    }

    public static ResourceConfig resourceConfig(HttpSettings settings, UseCases useCases, Readiness readiness,
                                                HttpOperations operations) {
        Representations representations = new Representations(settings.feedUrls());
        AgentWrites writes = new AgentWrites(useCases.runIdempotently());
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("agentworkspace");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        // API.md shows Location as a path; resolving it against the Host header would trust the client.
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);

        config.register(new RequestIdFilter());
        config.register(new BodyLimitFilter(settings.maxBodyBytes()));
        config.register(new QueryValuesFilter());
        config.register(new CrossSiteRequestFilter(settings.trustedOrigins()));
        config.register(new AuthenticationFilter(useCases.authenticateAgent(), useCases.authenticateUser()));
        registerOperations(config, operations);
        config.register(new ResponseHeadersFilter());
        config.register(new ErrorMapper());

        config.register(new AgentProfileResource(useCases.getAgentProfile(), useCases.listSubscriptions(),
                representations));
        config.register(new EventsResource(useCases.listEvents(), useCases.createEvent(), useCases.getEvent(),
                useCases.updateEvent(), useCases.deleteEvent(), writes));
        config.register(new OccurrencesResource(useCases.listOccurrences(), useCases.getOccurrence(),
                useCases.overrideOccurrence(), useCases.cancelOccurrence(), useCases.splitSeries(), useCases.endSeries(),
                useCases.getEvent(), writes));
        config.register(new FreeBusyResource(useCases.getFreeBusy()));
        config.register(new DocumentsResource(useCases.listDocuments(), useCases.createDocument(),
                useCases.getDocument(), useCases.updateDocument(), useCases.deleteDocument(), writes));
        config.register(new DashboardResource(useCases, representations));
        config.register(new DashboardSubscriptionsResource(useCases.listSubscriptions(), useCases.createSubscription(),
                useCases.rotateFeedToken(), useCases.revokeSubscription(), representations));
        config.register(new DashboardKeysResource(useCases.listApiKeys(), useCases.createApiKey(),
                useCases.rotateApiKey(), useCases.revokeApiKey()));
        config.register(new DashboardDocumentsResource(useCases.listDocuments(), useCases.getDocument()));
        config.register(new FeedResource(useCases.serveFeed()));
        config.register(new OperationsResource(readiness));
        return config;
    }

    /**
     * The agent that {@link AuthenticationFilter} proved for a request, for resources that other modules
     * register into this configuration (the MCP server at {@code /mcp}).
     *
     * @throws org.agentworkspace.core.domain.Unauthenticated when the request was not authenticated as an agent
     */
    public static AgentPrincipal authenticatedAgent(SecurityContext security) {
        return Caller.agent(security);
    }

    private static void registerOperations(ResourceConfig config, HttpOperations operations) {
        config.register(new RequestObserver(operations.metrics()));
        config.register(new MetricsResource(operations.metrics()));
        config.register(new OpenApiResource());
        RateLimitMetrics rejections = new RateLimitMetrics(operations.metrics());
        operations.rateLimiter().ifPresent(limiter -> {
            BlockedAddresses blocked = new BlockedAddresses();
            config.register(new AuthFailureGate(operations.trustedProxies(), blocked, limiter.policy(Partition.AUTH),
                    rejections));
            config.register(new RateLimitFilter(limiter, blocked, rejections));
        });
    }
}

package org.agentworkspace.http;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The HTTP layer as one {@link ResourceConfig}: every route of API.md except the Clerk webhook
 * (which the app registers from its own module), with authentication, body limits, request ids
 * and error mapping. Everything is registered explicitly as a finished instance; nothing is scanned.
 */
public final class AgentWorkspaceHttp {
    private AgentWorkspaceHttp() {
    }

    public static ResourceConfig resourceConfig(HttpSettings settings, HttpUseCases useCases, Readiness readiness) {
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
        config.register(new AuthenticationFilter(useCases.authenticateAgent(), useCases.authenticateUser()));
        config.register(new ResponseHeadersFilter());
        config.register(new ErrorMapper());

        config.register(new AgentProfileResource(useCases.getAgentProfile(), useCases.listSubscriptions(),
                representations));
        config.register(new EventsResource(useCases.listEvents(), useCases.createEvent(), useCases.getEvent(),
                useCases.updateEvent(), useCases.deleteEvent(), writes));
        config.register(new DocumentsResource(useCases.listDocuments(), useCases.createDocument(),
                useCases.getDocument(), useCases.updateDocument(), useCases.deleteDocument(), writes));
        config.register(new DashboardResource(useCases, representations));
        config.register(new DashboardSubscriptionsResource(useCases.listSubscriptions(), useCases.createSubscription(),
                useCases.rotateFeedToken(), useCases.revokeSubscription(), representations));
        config.register(new DashboardDocumentsResource(useCases.listDocuments(), useCases.getDocument()));
        config.register(new FeedResource(useCases.serveFeed()));
        config.register(new OperationsResource(readiness));
        return config;
    }
}

package org.agentworkspace.http.edge;

import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A Grizzly server (not yet started) whose one handler is {@link EdgeHandler} in front of the Jersey application. */
public final class EdgeServer {
    private EdgeServer() {
    }

    public static HttpServer create(URI address, ResourceConfig application, EdgeSettings settings,
                                    List<BodyGuard> guards) {
        // Jersey's factory without a handler: its listener, thread naming, TRACE passing and UTF-8 queries.
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(address, (GrizzlyHttpContainer) null, false,
                null, false);
        for (NetworkListener listener : server.getListeners()) {
            listener.setMaxHttpHeaderSize(EdgeSettings.MAX_REQUEST_HEAD_BYTES);
            ThreadPoolConfig workers = listener.getTransport().getWorkerThreadPoolConfig();
            workers.setCorePoolSize(settings.workerThreads()).setMaxPoolSize(settings.workerThreads());
            listener.registerAddOn(new EdgeAddOn());
        }
        // API.md: a body on GET, HEAD or DELETE is ignored; Grizzly would refuse it with an empty 400.
        server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class, application);
        server.getServerConfiguration().addHttpHandler(new EdgeHandler(jersey, settings, guards),
                HttpHandlerRegistration.ROOT);
        return server;
    }
}

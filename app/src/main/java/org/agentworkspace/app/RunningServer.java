package org.agentworkspace.app;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Grizzly server while it runs. */
public final class RunningServer {
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);
    private static final long GRACE_SECONDS = 10;

    private final HttpServer server;
    private final URI baseUri;

    RunningServer(HttpServer server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
    }

    /** Where it listens; with {@code PORT=0} this names the port that was picked. */
    public URI baseUri() {
        return baseUri;
    }

    /** Stops accepting connections and lets requests in flight finish, for at most ten seconds. */
    public void stopGracefully() {
        try {
            server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Requests still running after {} s; stopping now", GRACE_SECONDS);
            server.shutdownNow();
        }
    }
}

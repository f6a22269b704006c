package org.agentworkspace.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test support for tests outside this package (the browser tests): the real application with its
 * embedded database, serving on a free loopback port in this JVM, in local sign-in mode.
 */
public final class InProcessApplication implements AutoCloseable {
    private final Application application;
    private final RunningServer server;

    private InProcessApplication(Application application, RunningServer server) {
        this.application = application;
        this.server = server;
    }

    /**
     * Starts on a port picked up front rather than {@code PORT=0}: the public URL, and with it the
     * printed sign-in URL and every feed URL, is built from the configured port.
     */
    public static InProcessApplication start(Path dataDir) {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "PORT", String.valueOf(freeLoopbackPort()), "AW_DATA_DIR", dataDir.toString()));
        Application application = Application.open(config);
        try {
            return new InProcessApplication(application, application.startServer());
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** A fresh one-time sign-in URL; the previous one stops working. */
    public String localSignInUrl() {
        return application.renewLocalSignIn();
    }

    @Override
    public void close() {
        try {
            server.stopGracefully();
        } finally {
            application.close();
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

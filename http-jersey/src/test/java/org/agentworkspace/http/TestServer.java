package org.agentworkspace.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.usecase.UseCases;
import org.glassfish.grizzly.http.server.HttpServer;
import java.util.List;
import org.agentworkspace.http.edge.EdgeServer;
import org.agentworkspace.http.edge.EdgeSettings;

/** The HTTP layer on a real Grizzly server on a free port, with a plain JDK client. */
final class TestServer implements AutoCloseable {
    static final String PUBLIC_URL = "https://cal.example.test";
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final URI base;

    TestServer(UseCases useCases, Readiness readiness) {
        this(useCases, readiness, HttpOperations.unlimited());
    }

    TestServer(UseCases useCases, Readiness readiness, HttpOperations operations) {
        this(useCases, readiness, operations, HttpSettings.of(new FeedUrls(PUBLIC_URL)));
    }

    /** Behind the edge, as the application serves: bodies wait at most {@link #BODY_TIMEOUT}. */
    TestServer(UseCases useCases, Readiness readiness, HttpOperations operations, HttpSettings settings) {
        var config = AgentWorkspaceHttp.resourceConfig(settings, useCases, readiness, operations);
        server = EdgeServer.create(URI.create("http://127.0.0.1:0/"), config,
                new EdgeSettings(settings.maxBodyBytes(), BODY_TIMEOUT, 16), List.of());
        try {
            server.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int port = server.getListeners().iterator().next().getPort();
        base = URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return base.getPort();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> sendJson(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Writes {@code head} (request line and headers, CRLF separated, without the blank line) and
     * then {@code body} from another thread, and reads the response until the server closes. For
     * what the JDK client will not send: a false Content-Length, a chunked body it must not finish.
     */
    String raw(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException ignored) {
                    // The server may stop reading and close once it has refused the body.
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; !complete(response.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) >= 0; ) {
                    response.write(buffer, 0, n);
                }
            } catch (IOException resetAfterResponse) {
                // A reset after the response arrived still leaves the response readable.
            }
            writer.join(30_000);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** Headers and as many body bytes as Content-Length announced have arrived. */
    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(response.substring(0, end));
        return length.find() && response.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}

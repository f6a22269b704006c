package org.agentworkspace.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.agentworkspace.core.domain.FeedUrls;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} over {@link StubUseCases} for a whole test class, registered as a
 * {@code @RegisterExtension static final} field: started before the first test, closed after the
 * last, and the stubs reset before each test (before the class's own {@code @BeforeEach}).
 */
final class StubbedServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final StubUseCases stubs = new StubUseCases();
    private final HttpSettings settings;
    private TestServer server;

    /** The application's settings for {@link TestServer#PUBLIC_URL}, always ready. */
    StubbedServer() {
        this(HttpSettings.of(new FeedUrls(TestServer.PUBLIC_URL)));
    }

    StubbedServer(HttpSettings settings) {
        this.settings = settings;
    }

    /** The doubles behind the server; a test swaps their fields, and they are reset before each test. */
    StubUseCases stubs() {
        return stubs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new TestServer(stubs.build(), () -> true, HttpOperations.unlimited(), settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stubs.reset();
    }

    int port() {
        return server.port();
    }

    HttpRequest.Builder request(String path) {
        return server.request(path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return server.send(request);
    }

    HttpResponse<String> get(String path, String... headers) {
        return server.get(path, headers);
    }

    HttpResponse<String> sendJson(String method, String path, String body, String... headers) {
        return server.sendJson(method, path, body, headers);
    }

    /** See {@link TestServer#raw(String, byte[])}. */
    String raw(String head, byte[] body) throws Exception {
        return server.raw(head, body);
    }
}

package org.agentworkspace.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.agentworkspace.core.port.out.WebhookTransport;

/**
 * Sends a delivery with the JDK's HTTP client: connect within {@code connectTimeout}, an answer
 * within {@code readTimeout} (the contract: any 2xx within 10 s is success), no redirect followed
 * (a 3xx is a failure, so a receiver cannot bounce the server elsewhere), and the target checked
 * by the {@link AddressGuard} right before each send. The response body is discarded unread.
 *
 * <p>The guard resolves the name and the client resolves it again when it connects; a name that
 * changes its answer within those milliseconds is the remaining window (the JDK 17 client takes
 * no resolver). docs/security.md says so.
 */
public final class JdkWebhookTransport implements WebhookTransport {
    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration readTimeout;

    public JdkWebhookTransport(AddressGuard guard, Duration connectTimeout, Duration readTimeout) {
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The contract's figures: 5 s to connect, 10 s for the answer. */
    public static JdkWebhookTransport withContractTimeouts(AddressGuard guard) {
        return new JdkWebhookTransport(guard, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Override
    public Outcome send(URI url, Map<String, String> headers, byte[] body) {
        Optional<String> refused = guard.refusal(url);
        if (refused.isPresent()) {
            return new Outcome(null, "refused: " + refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        request.header("User-Agent", "AgentWorkspace-Webhooks/1");
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out");
        } catch (IOException e) {
            return new Outcome(null, "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "unusable URL");
        }
    }
}

package org.agentworkspace.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.domain.WebhookSignature;
import org.agentworkspace.core.port.out.WebhookTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery as a receiver sees it: signed so that the Svix library (a Standard Webhooks
 * verifier) accepts it, sent by the transport with the contract's headers, and never to a
 * loopback or private address unless the operator allowed it.
 */
class SignedDeliveryTest {
    private HttpServer receiver;
    private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int answer = 204;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void theSvixVerifierAcceptsOurSignatureAndRefusesAnAlteredBody() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        String id = "0193a5c4-0000-7000-8000-000000000001";
        long timestamp = Instant.now().getEpochSecond();
        String body = "{\"type\":\"event.created\",\"data\":{\"title\":\"Zürich ☕\"}}";
        String signature = WebhookSignature.sign(secret, id, timestamp, body);
        HttpHeaders headers = HttpHeaders.of(Map.of("webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)), "webhook-signature", List.of(signature)),
                (a, b) -> true);

        new Webhook(secret.reveal()).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(secret.reveal()).verify(body.replace("☕", "x"), headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate(new SecureRandom()).reveal()).verify(body, headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theTransportPostsTheHeadersAndBodyAndReportsTheStatus() {
        JdkWebhookTransport transport = JdkWebhookTransport.withContractTimeouts(new AddressGuard(true));
        WebhookTransport.Outcome outcome = transport.send(url("/hook"),
                Map.of("webhook-id", "m1", "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("Webhook-id")).containsExactly("m1");
        assertThat(bodies).containsExactly("{}");

        answer = 500;
        assertThat(transport.send(url("/hook"), Map.of(), new byte[0])).isEqualTo(new WebhookTransport.Outcome(500, null));
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        JdkWebhookTransport transport = JdkWebhookTransport.withContractTimeouts(new AddressGuard(true));
        WebhookTransport.Outcome outcome = transport.send(url("/moved"), Map.of(), new byte[0]);
        assertThat(outcome.statusCode()).isEqualTo(302);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void withoutTheOverrideALoopbackTargetIsRefusedAtSendTimeAndNothingIsSent() {
        JdkWebhookTransport transport = JdkWebhookTransport.withContractTimeouts(new AddressGuard(false));
        WebhookTransport.Outcome outcome = transport.send(url("/hook"), Map.of(), new byte[0]);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.problem()).startsWith("refused");
        assertThat(received).isEmpty();
    }

    @Test
    void aNameThatLaterResolvesToAPrivateAddressIsRefusedOnTheNextCheck() throws Exception {
        InetAddress[] answerNow = {InetAddress.getByName("93.184.215.14")};
        AddressGuard guard = new AddressGuard(false, host -> answerNow);
        URI url = URI.create("https://hooks.example.com/in");
        assertThat(guard.refusal(url)).isEmpty();
        answerNow[0] = InetAddress.getByName("127.0.0.1");
        assertThat(guard.refusal(url)).isPresent();
    }

    @Test
    void theGuardRefusesEveryInternalRange() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailureNotAHang() throws IOException {
        receiver.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        JdkWebhookTransport transport = new JdkWebhookTransport(new AddressGuard(true), Duration.ofSeconds(1),
                Duration.ofMillis(200));
        WebhookTransport.Outcome outcome = transport.send(url("/slow"), Map.of(), new byte[0]);
        assertThat(outcome).isEqualTo(new WebhookTransport.Outcome(null, "timed out"));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }
}

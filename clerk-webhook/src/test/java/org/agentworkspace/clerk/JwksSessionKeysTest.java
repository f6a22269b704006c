package org.agentworkspace.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.domain.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS source against a real HTTP server on the loopback interface. */
class JwksSessionKeysTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    // Generous, so a loaded machine never turns a working fetch into a timeout.
    private static final Duration PATIENT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;
    private HttpServer server;
    private ExecutorService executor;
    private URI url;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/.well-known/jwks.json", this::serve);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        body.set(jwks(jwk(TestKeys.CLERK, "kid-1")));
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status.get(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JwksSessionKeys keys() {
        return new JwksSessionKeys(url, PATIENT, PATIENT, Duration.ofSeconds(30), clock);
    }

    @Test
    void fetchesOnceAndServesLaterTokensFromTheCache() {
        JwksSessionKeys keys = keys();

        assertThat(keys.candidates("kid-1")).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
        clock.advance(Duration.ofMinutes(10));
        assertThat(keys.candidates("kid-1")).containsExactly(TestKeys.publicKey(TestKeys.CLERK));

        assertThat(requests).hasValue(1);
    }

    @Test
    void anUnknownKeyIdRefetchesTheSetAndFindsTheRotatedKey() {
        JwksSessionKeys keys = keys();
        keys.candidates("kid-1");
        body.set(jwks(jwk(TestKeys.CLERK, "kid-1"), jwk(TestKeys.ROTATED, "kid-2")));
        clock.advance(Duration.ofSeconds(31));

        assertThat(keys.candidates("kid-2")).containsExactly(TestKeys.publicKey(TestKeys.ROTATED));
        assertThat(requests).hasValue(2);
    }

    @Test
    void unknownKeyIdsRefetchAtMostOncePerInterval() {
        JwksSessionKeys keys = keys();
        keys.candidates("kid-1");

        for (int i = 0; i < 20; i++) {
            assertThat(keys.candidates("garbage-" + i)).isEmpty();
        }
        assertThat(requests).hasValue(1);

        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            assertThat(keys.candidates("garbage-" + i)).isEmpty();
        }
        assertThat(requests).hasValue(2);
    }

    @Test
    void aTokenWithoutKeyIdIsTriedAgainstEveryKey() {
        body.set(jwks(jwk(TestKeys.CLERK, "kid-1"), jwk(TestKeys.ROTATED, "kid-2")));

        assertThat(keys().candidates(null))
                .containsExactlyInAnyOrder(TestKeys.publicKey(TestKeys.CLERK), TestKeys.publicKey(TestKeys.ROTATED));
    }

    @Test
    void onlyRsaSignatureKeysAreKept() throws Exception {
        JWK encryption = new RSAKey.Builder(TestKeys.publicKey(TestKeys.ROTATED)).keyID("enc").keyUse(KeyUse.ENCRYPTION).build();
        JWK ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK();
        body.set(jwks(jwk(TestKeys.CLERK, "kid-1"), encryption, ec));
        JwksSessionKeys keys = keys();

        assertThat(keys.candidates(null)).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
        assertThat(keys.candidates("enc")).isEmpty();
        assertThat(keys.candidates("ec")).isEmpty();
    }

    @Test
    void aHangingServerTimesOutAsUnavailable() {
        hang = true;
        JwksSessionKeys keys = new JwksSessionKeys(url, PATIENT, Duration.ofMillis(500), Duration.ofSeconds(30), clock);

        assertThatThrownBy(() -> keys.candidates("kid-1")).isInstanceOf(Unavailable.class);
        assertThat(requests).hasValue(1);
    }

    @Test
    void anUnreachableServerWithNothingCachedIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        JwksSessionKeys keys = new JwksSessionKeys(
                URI.create("http://127.0.0.1:" + closedPort + "/jwks.json"), PATIENT, PATIENT, Duration.ofSeconds(30), clock);

        assertThatThrownBy(() -> keys.candidates("kid-1")).isInstanceOf(Unavailable.class);
    }

    @Test
    void anErrorStatusWithNothingCachedIsUnavailable() {
        status.set(500);

        assertThatThrownBy(() -> keys().candidates("kid-1")).isInstanceOf(Unavailable.class);
    }

    @Test
    void aFailedFetchIsNotRetriedWithinTheInterval() {
        status.set(500);
        JwksSessionKeys keys = keys();
        assertThatThrownBy(() -> keys.candidates("kid-1")).isInstanceOf(Unavailable.class);
        status.set(200);

        assertThatThrownBy(() -> keys.candidates("kid-1")).isInstanceOf(Unavailable.class);
        assertThat(requests).hasValue(1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(keys.candidates("kid-1")).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
    }

    @Test
    void aFailedRefreshKeepsTheKeysAlreadyKnown() {
        JwksSessionKeys keys = keys();
        keys.candidates("kid-1");
        status.set(503);
        clock.advance(Duration.ofHours(2));

        assertThat(keys.candidates("kid-1")).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
        assertThat(requests).hasValue(2);
    }

    @Test
    void aWithdrawnKeyStopsBeingTrustedOnceTheCacheIsOld() {
        JwksSessionKeys keys = keys();
        keys.candidates("kid-1");
        body.set(jwks(jwk(TestKeys.ROTATED, "kid-2")));

        clock.advance(Duration.ofMinutes(59));
        assertThat(keys.candidates("kid-1")).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(keys.candidates("kid-1")).isEmpty();
    }

    @Test
    void verifiesClerkTokensByTheirKeyId() {
        body.set(jwks(jwk(TestKeys.CLERK, Tokens.KID), jwk(TestKeys.ROTATED, "other")));
        NimbusSessionVerifier verifier = new NimbusSessionVerifier(
                keys(), ClerkSettings.of(Optional.of(Tokens.ISSUER), Set.of(Tokens.ORIGIN)), clock);

        String good = Tokens.sign(Tokens.clerkClaims(START).build(), TestKeys.CLERK);
        String signedByOtherKeyInTheSet = Tokens.sign(Tokens.clerkClaims(START).build(), TestKeys.ROTATED);

        assertThat(verifier.verify(good).userId()).isEqualTo(new UserId(Tokens.USER));
        // The kid names the CLERK key, so the other published key is not tried.
        assertThatThrownBy(() -> verifier.verify(signedByOtherKeyInTheSet)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> new JwksSessionKeys(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JWK jwk(KeyPair pair, String kid) {
        return new RSAKey.Builder(TestKeys.publicKey(pair)).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build();
    }

    private static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toString();
    }
}

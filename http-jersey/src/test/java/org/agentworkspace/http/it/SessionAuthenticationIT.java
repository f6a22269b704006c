package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dashboard sessions as Clerk issues them, verified by nimbus against the configured PEM key. */
class SessionAuthenticationIT extends OnItStack {
    private static final KeyPair STRANGER = ItStack.rsaKeyPair();

    static Stream<Arguments> refusedTokens() throws JOSEException {
        Instant now = Instant.now();
        String user = "user_refused";
        // HS256 keyed with the public key's bytes: the classic algorithm-confusion forgery.
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), ItStack.claims(user).build());
        confused.sign(new MACSigner(ItStack.CLERK_KEYS.getPublic().getEncoded()));
        return Stream.of(
                Arguments.of("expired", ItStack.sign(ItStack.claims(user).issueTime(Date.from(now.minusSeconds(120)))
                        .notBeforeTime(Date.from(now.minusSeconds(120)))
                        .expirationTime(Date.from(now.minusSeconds(60))).build(), ItStack.CLERK_KEYS)),
                Arguments.of("not yet valid", ItStack.sign(ItStack.claims(user).notBeforeTime(Date.from(now.plusSeconds(60)))
                        .expirationTime(Date.from(now.plusSeconds(120))).build(), ItStack.CLERK_KEYS)),
                Arguments.of("wrong key", ItStack.sign(ItStack.claims(user).build(), STRANGER)),
                Arguments.of("alg none", new PlainJWT(new PlainHeader(), ItStack.claims(user).build()).serialize()),
                Arguments.of("HS256 with the public key as secret", confused.serialize()),
                Arguments.of("wrong issuer", ItStack.sign(ItStack.claims(user).issuer("https://evil.example").build(),
                        ItStack.CLERK_KEYS)),
                Arguments.of("unlisted azp", ItStack.sign(ItStack.claims(user).claim("azp", "https://evil.example").build(),
                        ItStack.CLERK_KEYS)),
                Arguments.of("no exp", ItStack.sign(new JWTClaimsSet.Builder(ItStack.claims(user).build())
                        .expirationTime(null).build(), ItStack.CLERK_KEYS)),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusedTokensAre401AndProvisionNobody(String why, String token) {
        long users = stack.count("select count(*) from users");

        Reply reply = stack.get("/api/dashboard/me", token);
        Reply viaCookie = stack.send(stack.request("/api/dashboard/agents").header("Cookie", "__session=" + token).GET());

        for (Reply r : new Reply[] {reply, viaCookie}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(r.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
        }
        assertThat(stack.count("select count(*) from users")).isEqualTo(users);
    }

    @Test
    void aValidSessionProvisionsTheUserOnFirstUse() {
        String token = ItStack.session("user_first_use");
        assertThat(stack.count("select count(*) from users where id = 'user_first_use'")).isZero();

        Reply me = stack.get("/api/dashboard/me", token);
        Reply again = stack.send(stack.request("/api/dashboard/me").header("Cookie", "__session=" + token).GET());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo("user_first_use");
        assertThat(again.json()).isEqualTo(me.json());
        assertThat(stack.count("select count(*) from users where id = 'user_first_use'")).isEqualTo(1);
        assertThat(stack.get("/api/dashboard/agents", token).body()).isEqualTo("{\"agents\":[]}");
    }

    @Test
    void noSessionAndAnAgentKeyAreRefusedOnTheDashboard() {
        ItStack.NewAgent agent = stack.newUserWithAgent("user_with_key", "K");

        assertThat(stack.get("/api/dashboard/me", null).status()).isEqualTo(401);
        assertThat(stack.get("/api/dashboard/agents", agent.apiKey()).status()).isEqualTo(401);
        assertThat(stack.get("/api/v1/me", agent.session()).status()).as("a session is no agent key").isEqualTo(401);
    }

    @Test
    void aUserDeletedByTheWebhookIsRefusedEvenWithAStillValidToken() {
        String token = ItStack.session("user_tombstoned");
        assertThat(stack.get("/api/dashboard/me", token).status()).isEqualTo(200);

        Reply deleted = stack.deliver(ItStack.newDeliveryId(), Instant.now().getEpochSecond(),
                ItStack.userDeleted("user_tombstoned"));

        assertThat(deleted.status()).isEqualTo(200);
        Reply refused = stack.get("/api/dashboard/me", token);
        assertThat(refused.statusAndBody()).isEqualTo("401 {\"error\":\"Unauthorized\"}");
        assertThat(stack.get("/api/dashboard/agents", ItStack.session("user_tombstoned")).status()).isEqualTo(401);
        assertThat(stack.count("select count(*) from users where id = 'user_tombstoned'")).as("not re-created").isZero();
    }
}

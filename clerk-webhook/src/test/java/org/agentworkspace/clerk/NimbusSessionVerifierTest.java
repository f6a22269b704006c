package org.agentworkspace.clerk;

import static org.agentworkspace.clerk.Tokens.ISSUER;
import static org.agentworkspace.clerk.Tokens.ORIGIN;
import static org.agentworkspace.clerk.Tokens.USER;
import static org.agentworkspace.clerk.Tokens.clerkClaims;
import static org.agentworkspace.clerk.Tokens.rs256Header;
import static org.agentworkspace.clerk.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.VerifiedSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NimbusSessionVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ClerkSettings settings = ClerkSettings.of(Optional.of(ISSUER), Set.of(ORIGIN));
    private final NimbusSessionVerifier verifier =
            new NimbusSessionVerifier(new PemSessionKeys(TestKeys.pem(TestKeys.CLERK)), settings, clock);

    @Test
    void aValidClerkSessionNamesItsUserAndExpiry() {
        String token = sign(clerkClaims(NOW).build(), TestKeys.CLERK);

        VerifiedSession session = verifier.verify(token);

        assertThat(session).isEqualTo(new VerifiedSession(new UserId(USER), NOW.plusSeconds(60)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = sign(clerkClaims(NOW.minusSeconds(600)).build(), TestKeys.CLERK);

        assertRefused(token);
    }

    @Test
    void expiryFourSecondsAgoIsWithinTheFiveSecondSkew() {
        String token = sign(clerkClaims(NOW).expirationTime(Date.from(NOW.minusSeconds(4))).build(), TestKeys.CLERK);

        assertThat(verifier.verify(token).expiresAt()).isEqualTo(NOW.minusSeconds(4));
    }

    @Test
    void expirySixSecondsAgoIsBeyondTheFiveSecondSkew() {
        String token = sign(clerkClaims(NOW).expirationTime(Date.from(NOW.minusSeconds(6))).build(), TestKeys.CLERK);

        assertRefused(token);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String token = sign(clerkClaims(NOW).expirationTime(null).build(), TestKeys.CLERK);

        assertRefused(token);
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        String token = sign(clerkClaims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(30))).build(), TestKeys.CLERK);

        assertRefused(token);
    }

    @Test
    void notBeforeFourSecondsAheadIsWithinTheSkew() {
        String token = sign(clerkClaims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(4))).build(), TestKeys.CLERK);

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId(USER));
    }

    @Test
    void notBeforeSixSecondsAheadIsBeyondTheSkew() {
        String token = sign(clerkClaims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(6))).build(), TestKeys.CLERK);

        assertRefused(token);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = sign(clerkClaims(NOW).build(), TestKeys.ATTACKER);

        assertRefused(token);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = sign(clerkClaims(NOW).build(), TestKeys.CLERK);
        String[] parts = token.split("\\.");
        String otherUser = Base64URL.encode(clerkClaims(NOW).subject("user_victim").build().toString()).toString();

        assertRefused(parts[0] + "." + otherUser + "." + parts[2]);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String token = new PlainJWT(clerkClaims(NOW).build()).serialize();

        assertThat(token).endsWith(".");
        assertRefused(token);
    }

    @Test
    void anAlgNoneHeaderOnAClerkSignatureIsRefused() {
        String signed = sign(clerkClaims(NOW).build(), TestKeys.CLERK);
        String[] parts = signed.split("\\.");
        String noneHeader = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + Tokens.KID + "\"}").toString();

        assertRefused(noneHeader + "." + parts[1] + "." + parts[2]);
        assertRefused(noneHeader + "." + parts[1] + ".");
    }

    /** The classic confusion: HMAC "signed" with the public key that an RS256 verifier holds. */
    @Test
    void hs256SignedWithThePublicKeyBytesIsRefused() throws JOSEException {
        byte[][] secrets = {
            TestKeys.CLERK.getPublic().getEncoded(),
            TestKeys.pem(TestKeys.CLERK).getBytes(StandardCharsets.US_ASCII),
        };
        for (byte[] secret : secrets) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(Tokens.KID).build(),
                    clerkClaims(NOW).build());
            jwt.sign(new MACSigner(secret));

            assertRefused(jwt.serialize());
        }
    }

    @Test
    void anEcSignedTokenIsRefused() throws JOSEException {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(Tokens.KID).build(),
                clerkClaims(NOW).build());
        jwt.sign(new ECDSASigner(ec));

        assertRefused(jwt.serialize());
    }

    @Test
    void rs384SignedWithTheRightKeyIsStillRefused() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(Tokens.KID).build(),
                clerkClaims(NOW).build());
        jwt.sign(new RSASSASigner(TestKeys.CLERK.getPrivate()));

        assertRefused(jwt.serialize());
    }

    @Test
    void aKeyEmbeddedInTheHeaderIsNeverTrusted() throws Exception {
        RSAKey attackerJwk = new RSAKey.Builder(TestKeys.publicKey(TestKeys.ATTACKER)).keyID(Tokens.KID).build();
        JWSHeader header = rs256Header().jwk(attackerJwk).build();
        String token = sign(header, clerkClaims(NOW).build(), TestKeys.ATTACKER);

        // The token is genuinely valid under the key it carries; only trusting that key would accept it.
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(attackerJwk))).isTrue();
        assertRefused(token);
    }

    @Test
    void aKeyUrlInTheHeaderRefusesEvenAnOtherwiseValidToken() {
        JWSHeader withJku = rs256Header().jwkURL(URI.create("https://attacker.example/jwks.json")).build();
        JWSHeader withX5u = rs256Header().x509CertURL(URI.create("https://attacker.example/cert.pem")).build();

        assertRefused(sign(withJku, clerkClaims(NOW).build(), TestKeys.CLERK));
        assertRefused(sign(withX5u, clerkClaims(NOW).build(), TestKeys.CLERK));
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRefused(sign(clerkClaims(NOW).issuer("https://clerk.attacker.test").build(), TestKeys.CLERK));
        assertRefused(sign(clerkClaims(NOW).issuer(null).build(), TestKeys.CLERK));
    }

    @Test
    void theIssuerMayDifferByATrailingSlash() {
        String token = sign(clerkClaims(NOW).issuer(ISSUER + "/").build(), TestKeys.CLERK);

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId(USER));
    }

    @Test
    void anyIssuerPassesWhenNoneIsConfigured() {
        NimbusSessionVerifier lenient = new NimbusSessionVerifier(
                new PemSessionKeys(TestKeys.pem(TestKeys.CLERK)), ClerkSettings.of(Optional.empty(), Set.of()), clock);

        assertThat(lenient.verify(sign(clerkClaims(NOW).issuer("https://other.test").build(), TestKeys.CLERK)).userId())
                .isEqualTo(new UserId(USER));
    }

    @Test
    void anUnlistedAuthorizedPartyIsRefused() {
        assertRefused(sign(clerkClaims(NOW).claim("azp", "https://evil.example.test").build(), TestKeys.CLERK));
    }

    @Test
    void aTokenWithoutAzpPassesTheAuthorizedPartyCheck() {
        String token = sign(clerkClaims(NOW).claim("azp", null).build(), TestKeys.CLERK);

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId(USER));
    }

    @Test
    void anyAzpPassesWhenNoPartiesAreConfigured() {
        NimbusSessionVerifier noParties = new NimbusSessionVerifier(
                new PemSessionKeys(TestKeys.pem(TestKeys.CLERK)), ClerkSettings.of(Optional.of(ISSUER), Set.of()), clock);

        String token = sign(clerkClaims(NOW).claim("azp", "https://anywhere.test").build(), TestKeys.CLERK);

        assertThat(noParties.verify(token).userId()).isEqualTo(new UserId(USER));
    }

    @Test
    void aNonStringAzpIsRefused() {
        assertRefused(sign(clerkClaims(NOW).claim("azp", 42).build(), TestKeys.CLERK));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertRefused(sign(clerkClaims(NOW).subject(null).build(), TestKeys.CLERK));
        assertRefused(sign(clerkClaims(NOW).subject(" ").build(), TestKeys.CLERK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30."})
    void malformedTokensAreRefused(String token) {
        assertRefused(token);
    }

    @Test
    void theRefusalSaysNothingAboutTheReason() {
        String expired = sign(clerkClaims(NOW.minusSeconds(600)).build(), TestKeys.CLERK);
        String wrongKey = sign(clerkClaims(NOW).build(), TestKeys.ATTACKER);

        Throwable first = catchThrowable(() -> verifier.verify(expired));
        Throwable second = catchThrowable(() -> verifier.verify(wrongKey));

        assertThat(first).isInstanceOf(Unauthenticated.class).hasMessage("Unauthorized").hasNoCause();
        assertThat(second).isInstanceOf(Unauthenticated.class).hasMessage(first.getMessage()).hasNoCause();
    }

    @Test
    void localSessionsRoundTripThroughTheLocalKey() {
        String keyId = LocalSessionIssuer.keyIdFor(TestKeys.publicKey(TestKeys.CLERK));
        LocalSessionIssuer issuer = new LocalSessionIssuer(
                TestKeys.privateKey(TestKeys.CLERK), keyId, Duration.ofMinutes(15), clock);
        NimbusSessionVerifier local = new NimbusSessionVerifier(
                new LocalSessionKeys(TestKeys.publicKey(TestKeys.CLERK)), ClerkSettings.localMode(), clock);

        LocalSessionIssuer.IssuedSession issued = issuer.issue(new UserId("local_owner"));

        assertThat(local.verify(issued.token()))
                .isEqualTo(new VerifiedSession(new UserId("local_owner"), NOW.plus(Duration.ofMinutes(15))));
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(parse(issued.token()).getHeader().getKeyID()).isEqualTo(keyId);
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void localSessionsExpire() {
        LocalSessionIssuer issuer = new LocalSessionIssuer(
                TestKeys.privateKey(TestKeys.CLERK), "k1", Duration.ofMinutes(15), clock);
        NimbusSessionVerifier local = new NimbusSessionVerifier(
                new LocalSessionKeys(TestKeys.publicKey(TestKeys.CLERK)), ClerkSettings.localMode(), clock);
        String token = issuer.issue(new UserId("local_owner")).token();

        clock.advance(Duration.ofMinutes(15).plusSeconds(6));

        assertThatThrownBy(() -> local.verify(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void aClerkTokenIsNotALocalSession() {
        NimbusSessionVerifier local = new NimbusSessionVerifier(
                new LocalSessionKeys(TestKeys.publicKey(TestKeys.CLERK)), ClerkSettings.localMode(), clock);

        assertThatThrownBy(() -> local.verify(sign(clerkClaims(NOW).build(), TestKeys.CLERK)))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void weakKeysAreNotAccepted() {
        assertThatThrownBy(() -> new LocalSessionKeys(TestKeys.publicKey(TestKeys.generate(1024))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(Unauthenticated.class);
    }
}

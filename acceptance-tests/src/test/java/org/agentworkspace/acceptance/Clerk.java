package org.agentworkspace.acceptance;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.svix.Webhook;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Plays Clerk: a test RSA key whose public half the jar trusts as {@code CLERK_JWT_KEY}, session
 * tokens signed with it, and a webhook secret with deliveries signed by the Svix library.
 */
final class Clerk {
    private final KeyPair key;
    private final String webhookSecret;

    Clerk() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        webhookSecret = "whsec_" + Base64.getEncoder().encodeToString(secret);
    }

    /** The environment that makes the jar trust this Clerk. */
    Map<String, String> environment() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        return Map.of("CLERK_JWT_KEY", pem, "CLERK_WEBHOOK_SIGNING_SECRET", webhookSecret);
    }

    /** A dashboard session for {@code userId}, valid for an hour. */
    String session(String userId) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    new JWTClaimsSet.Builder().subject(userId).issueTime(Date.from(now))
                            .notBeforeTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(3600)))
                            .build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String webhookSecret() {
        return webhookSecret;
    }

    /** The {@code svix-signature} header for a delivery, signed with {@code secret}. */
    static String sign(String secret, String id, long timestampSeconds, String payload) {
        try {
            return new Webhook(secret).sign(id, timestampSeconds, payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

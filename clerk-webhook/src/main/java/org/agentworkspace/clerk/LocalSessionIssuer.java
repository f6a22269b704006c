package org.agentworkspace.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.agentworkspace.core.domain.UserId;

/**
 * Signs the short-lived RS256 session tokens of local mode, the ones {@link NimbusSessionVerifier}
 * accepts with {@link LocalSessionKeys} and {@link ClerkSettings#localMode()}.
 */
public final class LocalSessionIssuer {

    /** The {@code iss} of every local session token. */
    public static final String ISSUER = "agentworkspace-local";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    private static final Duration MAX_TTL = Duration.ofDays(1);

    private final RSASSASigner signer;
    private final String keyId;
    private final Duration ttl;
    private final Clock clock;

    /** Sessions valid for {@link #DEFAULT_TTL}, timed by the system clock. */
    public LocalSessionIssuer(RSAPrivateKey privateKey, String keyId) {
        this(privateKey, keyId, DEFAULT_TTL, Clock.systemUTC());
    }

    /**
     * @param keyId the {@code kid} written into every token; {@link #keyIdFor} derives a stable one
     * @param ttl how long a session lasts, up to one day
     * @throws IllegalArgumentException when the key is shorter than 2048 bits or the ttl is out of range
     */
    public LocalSessionIssuer(RSAPrivateKey privateKey, String keyId, Duration ttl, Clock clock) {
        RsaKeys.requireStrong(Objects.requireNonNull(privateKey, "privateKey"));
        this.signer = new RSASSASigner(privateKey);
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("session ttl must be between 1 second and " + MAX_TTL);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The RFC 7638 thumbprint of the public key: the same key always gets the same id. */
    public static String keyIdFor(RSAPublicKey publicKey) {
        try {
            return new com.nimbusds.jose.jwk.RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A fresh session for {@code user}: {@code sub}, {@code iss}, {@code iat}, {@code nbf}, {@code exp}. */
    public IssuedSession issue(UserId user) {
        Objects.requireNonNull(user, "user");
        // JWT times are whole seconds; truncating here makes expiresAt what a verifier will read.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.value())
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return new IssuedSession(jwt.serialize(), expiresAt);
    }

    /** A signed session token and the instant it stops being accepted. */
    public record IssuedSession(String token, Instant expiresAt) {
        public IssuedSession {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "IssuedSession[token=<redacted>, expiresAt=" + expiresAt + "]";
        }
    }
}

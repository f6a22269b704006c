package org.agentworkspace.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.SessionVerifier;
import org.agentworkspace.core.port.out.VerifiedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Clerk (or local-mode) session JWT.
 *
 * <p>Accepted only when: the token is a compact JWS signed with RS256 (never {@code none}, HMAC or
 * EC, whatever the key source holds); its header carries no key of its own ({@code jwk},
 * {@code jku}, {@code x5u}, {@code x5c}: keys come from {@link SessionKeys} alone); a configured key
 * verifies the signature; {@code exp} is present and, like {@code nbf} when present, holds within
 * the configured clock skew; {@code iss} and {@code azp} pass {@link ClerkSettings}; {@code sub}
 * names a user. Every refusal is the same {@link Unauthenticated}; the reason goes to the DEBUG log,
 * never the token.
 */
public final class NimbusSessionVerifier implements SessionVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(NimbusSessionVerifier.class);
    // Clerk's session tokens are around 1 KiB; refusing huge input early keeps parsing cheap.
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final SessionKeys keys;
    private final ClerkSettings settings;
    private final Clock clock;

    public NimbusSessionVerifier(SessionKeys keys, ClerkSettings settings) {
        this(keys, settings, Clock.systemUTC());
    }

    public NimbusSessionVerifier(SessionKeys keys, ClerkSettings settings, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws Unauthenticated for any token that fails a check above
     * @throws org.agentworkspace.core.domain.Unavailable when the key source cannot be reached and
     *     knows no keys yet
     */
    @Override
    public VerifiedSession verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw refused("empty or oversized token");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw refused("not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw refused("algorithm is not RS256");
        }
        if (header.getJWK() != null || header.getJWKURL() != null
                || header.getX509CertURL() != null || header.getX509CertChain() != null) {
            throw refused("header carries its own key reference");
        }
        if (!signedByConfiguredKey(jwt, keys.candidates(header.getKeyID()))) {
            throw refused("no configured key verifies the signature");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("claims are not a JSON object");
        }
        return checkClaims(claims);
    }

    private static boolean signedByConfiguredKey(SignedJWT jwt, List<RSAPublicKey> candidates) {
        for (RSAPublicKey key : candidates) {
            try {
                if (jwt.verify(new RSASSAVerifier(key))) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // A critical header we do not understand, or a key that cannot verify: not ours.
                LOG.debug("Session key rejected the token: {}", e.getMessage());
            }
        }
        return false;
    }

    private VerifiedSession checkClaims(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refused("no exp claim");
        }
        Instant expiresAt = exp.toInstant();
        if (now.isAfter(expiresAt.plus(settings.clockSkew()))) {
            throw refused("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(settings.clockSkew()))) {
            throw refused("not yet valid");
        }
        if (!settings.acceptsIssuer(claims.getIssuer())) {
            throw refused("issuer not accepted");
        }
        String azp;
        try {
            azp = claims.getStringClaim("azp");
        } catch (ParseException e) {
            throw refused("azp is not a string");
        }
        if (!settings.acceptsAuthorizedParty(azp)) {
            throw refused("authorized party not accepted");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > UserId.MAX_LENGTH || Text.containsNul(subject)) {
            throw refused("no usable sub claim");
        }
        return new VerifiedSession(new UserId(subject), expiresAt);
    }

    private static Unauthenticated refused(String reason) {
        LOG.debug("Session token refused: {}", reason);
        return new Unauthenticated();
    }
}

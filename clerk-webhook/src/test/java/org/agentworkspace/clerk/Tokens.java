package org.agentworkspace.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;

/** Mints real RS256 session tokens shaped like Clerk's, one claim or header field changed at a time. */
final class Tokens {

    static final String ISSUER = "https://clerk.example.test";
    static final String ORIGIN = "https://app.example.test";
    static final String USER = "user_2abcDEF";
    static final String KID = "ins_clerk_key";

    private Tokens() {
    }

    /** Claims of a Clerk session issued at {@code now}, valid for one minute. */
    static JWTClaimsSet.Builder clerkClaims(Instant now) {
        return new JWTClaimsSet.Builder()
                .subject(USER)
                .issuer(ISSUER)
                .claim("azp", ORIGIN)
                .claim("sid", "sess_123")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(60)));
    }

    static JWSHeader.Builder rs256Header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, KeyPair pair) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(pair.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String sign(JWTClaimsSet claims, KeyPair pair) {
        return sign(rs256Header().build(), claims, pair);
    }
}

package org.agentworkspace.clerk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Clerk's instance public key given as PEM ({@code CLERK_JWT_KEY}): verification needs no network.
 * Clerk signs every session of an instance with this one key, so it is tried whatever the token's
 * {@code kid}.
 */
public final class PemSessionKeys implements SessionKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private final List<RSAPublicKey> keys;

    /**
     * Reads a {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo) RSA key. Line breaks
     * may be real, written as a literal {@code \n} (how the key survives a one-line environment
     * variable), or missing altogether (how Clerk's dashboard sometimes shows it).
     *
     * @throws IllegalArgumentException when the text is not such a key, or the key is shorter than
     *     2048 bits; the message never repeats the text
     */
    public PemSessionKeys(String pem) {
        this.keys = List.of(parse(Objects.requireNonNull(pem, "pem")));
    }

    @Override
    public List<RSAPublicKey> candidates(String keyId) {
        return keys;
    }

    static RSAPublicKey parse(String pem) {
        String text = pem.replace("\\n", "\n").replace("\\r", "").strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(
                    "CLERK_JWT_KEY must be a PEM public key between " + BEGIN + " and " + END);
        }
        String base64 = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CLERK_JWT_KEY is not valid base64 between its PEM markers");
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CLERK_JWT_KEY is not a readable RSA public key");
        }
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < RsaKeys.MIN_BITS) {
            throw new IllegalArgumentException(
                    "CLERK_JWT_KEY must be an RSA public key of at least " + RsaKeys.MIN_BITS + " bits");
        }
        return rsa;
    }
}

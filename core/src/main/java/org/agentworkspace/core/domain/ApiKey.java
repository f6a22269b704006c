package org.agentworkspace.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A plaintext API key: {@code ak_} + 34 random characters + a 6-character base62 CRC32 of them.
 *
 * <p>It exists only between generation and the one response that shows it, and between a
 * request's header and its digest. Only {@link #digest()} is ever stored. {@link #toString()}
 * never reveals the key.
 */
public final class ApiKey {
    public static final String PREFIX = "ak_";
    public static final int RANDOM_LENGTH = 34;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey generate(SecureRandom random) {
        String body = SecretAlphabet.random(random, RANDOM_LENGTH);
        return new ApiKey(PREFIX + body + checksum(body));
    }

    /**
     * Accepts only a well-formed key whose checksum matches, so typos and forgeries are refused
     * without a lookup. Empty for anything else; the caller must not say which part was wrong.
     */
    public static Optional<ApiKey> parse(String text) {
        return wellFormed(text) ? Optional.of(new ApiKey(text)) : Optional.empty();
    }

    /**
     * Whether {@code text} has a key's shape and its checksum holds: what {@link #parse} accepts,
     * decided without building anything, so a garbage credential can be refused for the price of
     * reading it (issue 21). The checksum is public knowledge: the comparison need not be constant-time.
     */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)
                || !SecretAlphabet.allUrlSafe(text, PREFIX.length(), PREFIX.length() + RANDOM_LENGTH)) {
            return false;
        }
        CRC32 crc = new CRC32();
        for (int i = PREFIX.length(); i < PREFIX.length() + RANDOM_LENGTH; i++) {
            crc.update(text.charAt(i));
        }
        long n = crc.getValue();
        for (int i = LENGTH - 1; i >= PREFIX.length() + RANDOM_LENGTH; i--) {
            if (text.charAt(i) != BASE62.charAt((int) (n % 62))) {
                return false;
            }
            n /= 62;
        }
        return true;
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long n = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        return new String(out);
    }

    public KeyDigest digest() {
        return KeyDigest.of(value);
    }

    /** The key itself, to show once to its owner. Never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && java.security.MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return digest().hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}

package org.agentworkspace.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The secret path segment of a feed URL: 32 CSPRNG characters over a URL-safe alphabet.
 * {@link #toString()} never reveals it, so it cannot reach a log by accident.
 */
public final class FeedToken {
    public static final int LENGTH = 32;
    private final String value;

    private FeedToken(String value) {
        this.value = value;
    }

    public static FeedToken generate(SecureRandom random) {
        return new FeedToken(SecretAlphabet.random(random, LENGTH));
    }

    /** Empty for anything that cannot be a token, which callers answer like a wrong token. */
    public static Optional<FeedToken> parse(String text) {
        if (text == null || text.length() != LENGTH || !SecretAlphabet.allUrlSafe(text, 0, LENGTH)) {
            return Optional.empty();
        }
        return Optional.of(new FeedToken(text));
    }

    /** The token itself, for building the feed URL shown to the owner. Never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedToken other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "FeedToken[redacted]";
    }
}

package org.agentworkspace.core.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The signing secret of one endpoint, in the Standard Webhooks form {@code whsec_<base64>}: the
 * HMAC key is the base64-decoded part. Drawn from a CSPRNG; shown once; {@link #toString()} never
 * reveals it.
 */
public final class WebhookSecret {
    private static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final String text;

    private WebhookSecret(String text) {
        this.text = text;
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** A secret read back from storage. */
    public static WebhookSecret of(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return new WebhookSecret(text);
    }

    /** {@code whsec_…}, for the one response that shows it and for storage. */
    public String reveal() {
        return text;
    }

    /** The HMAC key. */
    public byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}

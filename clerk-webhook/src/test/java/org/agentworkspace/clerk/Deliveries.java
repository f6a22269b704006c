package org.agentworkspace.clerk;

import com.svix.Webhook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Webhook deliveries signed by the Svix library itself, as Clerk would send them. */
final class Deliveries {

    private Deliveries() {
    }

    static String newSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code svix-signature} header value for the payload at {@code timestamp} seconds. */
    static String sign(String secret, String id, long timestamp, String payload) {
        try {
            return new Webhook(secret).sign(id, timestamp, payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long nowPlus(Duration offset) {
        return Instant.now().plus(offset).getEpochSecond();
    }

    /** A stored Clerk payload, byte for byte. */
    static String payload(String name) {
        try (InputStream in = Deliveries.class.getResourceAsStream("/clerk/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.agentworkspace.clerk;

import com.svix.Webhook;
import com.svix.exceptions.EmptyWebhookSecretException;
import com.svix.exceptions.WebhookVerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.port.in.UserChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Clerk webhook delivery with the Svix scheme and reads the user change it carries.
 *
 * <p>The signature is checked over the body exactly as received (strict UTF-8, never re-serialised),
 * with the {@code svix-id}, {@code svix-timestamp} and {@code svix-signature} headers and the
 * {@code whsec_…} secret; timestamps more than {@link #TOLERANCE} away from now either way are
 * refused. Only a verified body is parsed.
 */
public final class SvixWebhookVerifier {

    /** Clerk's user payloads are a few KiB; larger bodies are refused before any work. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** The Svix library's own tolerance, checked here too so the refusal can say why. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SvixWebhookVerifier.class);
    private static final int MAX_DELIVERY_ID_CHARS = 255;

    private final Webhook webhook;

    /**
     * @param signingSecret {@code CLERK_WEBHOOK_SIGNING_SECRET}, {@code whsec_} and base64
     * @throws IllegalArgumentException when it is not such a secret; the message never repeats it
     */
    public SvixWebhookVerifier(String signingSecret) {
        Objects.requireNonNull(signingSecret, "signingSecret");
        if (!signingSecret.strip().startsWith(Webhook.SECRET_PREFIX)) {
            throw new IllegalArgumentException("CLERK_WEBHOOK_SIGNING_SECRET must start with whsec_");
        }
        try {
            this.webhook = new Webhook(signingSecret.strip());
        } catch (EmptyWebhookSecretException | IllegalArgumentException e) {
            throw new IllegalArgumentException("CLERK_WEBHOOK_SIGNING_SECRET is not a valid whsec_ secret");
        }
    }

    /**
     * @param body the request body as received
     * @return the delivery id and what it asks for; {@link UserChange.Ignore} for event types we do
     *     not handle
     * @throws WebhookRejected when the body is too large, a header is missing or malformed, the
     *     timestamp is outside the tolerance, the signature does not match, or the verified payload
     *     is not a Clerk event we can read; the message is safe to show
     */
    public ClerkDelivery verify(byte[] body, String svixId, String svixTimestamp, String svixSignature) {
        if (body == null) {
            throw new WebhookRejected("Missing webhook body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejected("Webhook body too large");
        }
        String id = requireHeader("svix-id", svixId);
        String timestamp = requireHeader("svix-timestamp", svixTimestamp);
        String signature = requireHeader("svix-signature", svixSignature);
        if (id.length() > MAX_DELIVERY_ID_CHARS) {
            throw new WebhookRejected("Invalid svix-id header");
        }
        checkTimestamp(timestamp);
        String payload = strictUtf8(body);
        try {
            webhook.verify(payload, Map.of(
                    Webhook.SVIX_MSG_ID_KEY, List.of(id),
                    Webhook.SVIX_MSG_TIMESTAMP_KEY, List.of(timestamp),
                    Webhook.SVIX_MSG_SIGNATURE_KEY, List.of(signature)));
        } catch (WebhookVerificationException e) {
            LOG.debug("Webhook {} refused by Svix: {}", id, e.getMessage());
            String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            // Our own check ran a moment earlier; the library may still see the edge pass.
            throw new WebhookRejected(reason.contains("timestamp")
                    ? "Webhook timestamp outside tolerance" : "Invalid webhook signature");
        }
        return new ClerkDelivery(id, ClerkEvents.parse(payload));
    }

    private static String requireHeader(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new WebhookRejected("Missing " + name + " header");
        }
        return value.strip();
    }

    private static void checkTimestamp(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookRejected("Invalid svix-timestamp header");
        }
        long now = Instant.now().getEpochSecond();
        if (seconds < now - TOLERANCE.toSeconds() || seconds > now + TOLERANCE.toSeconds()) {
            throw new WebhookRejected("Webhook timestamp outside tolerance");
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WebhookRejected("Webhook body is not UTF-8");
        }
    }
}

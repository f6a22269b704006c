package org.agentworkspace.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.agentworkspace.clerk.SvixWebhookVerifier;
import org.agentworkspace.http.edge.BodyGuard;

/**
 * The checks of the two unauthenticated routes that take a body, run on the request head before
 * the body is read (issue 15): a stranger cannot make the server wait for, or buffer, a body it
 * would refuse anyway.
 */
final class PublicRouteGuards {
    static final String WEBHOOK_PATH = "/api/webhooks/clerk";
    static final String LOCAL_SESSION_PATH = "/api/local/session";
    /** {@code {"token": "…"}} with a 43-character secret; anything much longer is not an exchange. */
    static final int MAX_LOCAL_SESSION_BODY_BYTES = 4 * 1024;
    private static final List<String> SVIX_HEADERS = List.of("svix-id", "svix-timestamp", "svix-signature");

    private PublicRouteGuards() {
    }

    static List<BodyGuard> of(boolean webhookSecretConfigured, boolean localMode) {
        List<BodyGuard> guards = new ArrayList<>();
        guards.add(head -> head.path().equals(WEBHOOK_PATH) ? webhook(head, webhookSecretConfigured) : Optional.empty());
        if (localMode) {
            guards.add(head -> head.path().equals(LOCAL_SESSION_PATH) ? localSession(head) : Optional.empty());
        }
        return guards;
    }

    private static Optional<BodyGuard.Refusal> webhook(BodyGuard.Head head, boolean secretConfigured) {
        if (!secretConfigured) {
            return Optional.of(new BodyGuard.Refusal(503, "Webhook signing secret is not configured", 5));
        }
        for (String name : SVIX_HEADERS) {
            String value = head.header().apply(name);
            if (value == null || value.isBlank()) {
                return Optional.of(BodyGuard.Refusal.of(400, "Missing " + name + " header"));
            }
        }
        if (head.contentLength() > SvixWebhookVerifier.MAX_BODY_BYTES) {
            return Optional.of(BodyGuard.Refusal.of(413, "Webhook body exceeds "
                    + SvixWebhookVerifier.MAX_BODY_BYTES / 1024 + " KiB"));
        }
        return Optional.empty();
    }

    private static Optional<BodyGuard.Refusal> localSession(BodyGuard.Head head) {
        String type = head.header().apply("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            return Optional.of(BodyGuard.Refusal.of(415, "Content-Type must be application/json"));
        }
        if (head.contentLength() > MAX_LOCAL_SESSION_BODY_BYTES) {
            return Optional.of(BodyGuard.Refusal.of(413, "Request body exceeds "
                    + MAX_LOCAL_SESSION_BODY_BYTES / 1024 + " KiB"));
        }
        return Optional.empty();
    }
}

package org.agentworkspace.clerk;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.agentworkspace.core.domain.Unavailable;
import org.agentworkspace.core.port.in.SyncUsers;

/**
 * {@code POST /api/webhooks/clerk}: a verified delivery is handed to {@link SyncUsers} under its
 * {@code svix-id}, so a redelivery is acknowledged without being applied twice.
 *
 * <p>Failures leave as core exceptions for the HTTP layer's mappers: {@link Unavailable} (503) when
 * no signing secret is configured, {@link org.agentworkspace.core.domain.WebhookRejected} (400) when
 * verification or parsing fails, in which case {@link SyncUsers} is never called.
 */
@Path("/api/webhooks/clerk")
public final class ClerkWebhookResource {

    private final Optional<SvixWebhookVerifier> verifier;
    private final SyncUsers syncUsers;

    /** @param verifier empty when {@code CLERK_WEBHOOK_SIGNING_SECRET} is not set */
    public ClerkWebhookResource(Optional<SvixWebhookVerifier> verifier, SyncUsers syncUsers) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.syncUsers = Objects.requireNonNull(syncUsers, "syncUsers");
    }

    /** Any content type: Svix signs the bytes as sent, whatever they claim to be. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("svix-id") String svixId,
                            @HeaderParam("svix-timestamp") String svixTimestamp,
                            @HeaderParam("svix-signature") String svixSignature,
                            byte[] body) {
        SvixWebhookVerifier configured = verifier.orElseThrow(
                () -> new Unavailable("Webhook signing secret is not configured"));
        ClerkDelivery delivery = configured.verify(body, svixId, svixTimestamp, svixSignature);
        SyncUsers.Outcome outcome = syncUsers.apply(delivery.deliveryId(), delivery.change());
        // The outcome is one of three fixed words, so the body needs no JSON library.
        String receipt = "{\"received\":true,\"outcome\":\"" + outcome.name().toLowerCase(Locale.ROOT) + "\"}";
        return Response.ok(receipt, MediaType.APPLICATION_JSON_TYPE).build();
    }
}

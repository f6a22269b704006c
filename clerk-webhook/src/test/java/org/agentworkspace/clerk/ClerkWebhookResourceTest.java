package org.agentworkspace.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.in.UserChange;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.Test;

class ClerkWebhookResourceTest extends JerseyTest {

    private static final String PATH = "/api/webhooks/clerk";

    // JerseyTest calls configure() from its constructor, before field initialisers would run.
    private String secret;
    private RecordingSyncUsers syncUsers;

    @Override
    protected Application configure() {
        secret = Deliveries.newSecret();
        syncUsers = new RecordingSyncUsers();
        return new ResourceConfig()
                .register(new ClerkWebhookResource(Optional.of(new SvixWebhookVerifier(secret)), syncUsers))
                .register(WorkspaceExceptionStatus.class);
    }

    private Invocation signed(String id, String payload, String contentType) {
        long timestamp = Deliveries.nowPlus(Duration.ZERO);
        return target(PATH).request()
                .header("svix-id", id)
                .header("svix-timestamp", Long.toString(timestamp))
                .header("svix-signature", Deliveries.sign(secret, id, timestamp, payload))
                .buildPost(Entity.entity(payload.getBytes(StandardCharsets.UTF_8), contentType));
    }

    @Test
    void aVerifiedDeliveryIsAppliedUnderItsSvixId() {
        Response response = signed("msg_1", Deliveries.payload("user.deleted"), "application/json").invoke();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        assertThat(response.readEntity(String.class)).isEqualTo("{\"received\":true,\"outcome\":\"applied\"}");
        assertThat(syncUsers.calls()).containsExactly(new RecordingSyncUsers.Call(
                "msg_1", new UserChange.Delete(new UserId("user_29wBMCtzATuFJut8jO2VNTVekS4"))));
    }

    @Test
    void aReplayedDeliveryReachesSyncUsersWithTheSameIdAndIsReportedAsDuplicate() {
        String payload = Deliveries.payload("user.created");

        Response first = signed("msg_replayed", payload, "application/json").invoke();
        Response second = signed("msg_replayed", payload, "application/json").invoke();

        assertThat(first.readEntity(String.class)).contains("\"outcome\":\"applied\"");
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.readEntity(String.class)).isEqualTo("{\"received\":true,\"outcome\":\"duplicate\"}");
        assertThat(syncUsers.calls()).extracting(RecordingSyncUsers.Call::deliveryId)
                .containsExactly("msg_replayed", "msg_replayed");
    }

    @Test
    void anIgnoredEventTypeIsAcknowledged() {
        Response response = signed("msg_2", Deliveries.payload("session.created"), "application/json").invoke();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class)).isEqualTo("{\"received\":true,\"outcome\":\"ignored\"}");
    }

    @Test
    void anyContentTypeIsAccepted() {
        Response response = signed("msg_3", Deliveries.payload("user.deleted"), "text/plain; charset=utf-8").invoke();

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aBadSignatureIsRejectedAndNeverReachesSyncUsers() {
        String payload = Deliveries.payload("user.created");
        long timestamp = Deliveries.nowPlus(Duration.ZERO);

        Response response = target(PATH).request()
                .header("svix-id", "msg_4")
                .header("svix-timestamp", Long.toString(timestamp))
                .header("svix-signature", Deliveries.sign(Deliveries.newSecret(), "msg_4", timestamp, payload))
                .post(Entity.json(payload));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(String.class)).isEqualTo("Invalid webhook signature");
        assertThat(syncUsers.calls()).isEmpty();
    }

    @Test
    void aStaleDeliveryIsRejectedAndNeverReachesSyncUsers() {
        String payload = Deliveries.payload("user.deleted");
        long timestamp = Deliveries.nowPlus(Duration.ofMinutes(-6));

        Response response = target(PATH).request()
                .header("svix-id", "msg_5")
                .header("svix-timestamp", Long.toString(timestamp))
                .header("svix-signature", Deliveries.sign(secret, "msg_5", timestamp, payload))
                .post(Entity.json(payload));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(syncUsers.calls()).isEmpty();
    }

    @Test
    void aDeliveryWithoutHeadersIsRejected() {
        Response response = target(PATH).request().post(Entity.json(Deliveries.payload("user.deleted")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(String.class)).isEqualTo("Missing svix-id header");
        assertThat(syncUsers.calls()).isEmpty();
    }
}

package org.agentworkspace.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.Test;

class ClerkWebhookResourceUnconfiguredTest extends JerseyTest {

    // JerseyTest calls configure() from its constructor, before field initialisers would run.
    private RecordingSyncUsers syncUsers;

    @Override
    protected Application configure() {
        syncUsers = new RecordingSyncUsers();
        return new ResourceConfig()
                .register(new ClerkWebhookResource(Optional.empty(), syncUsers))
                .register(WorkspaceExceptionStatus.class);
    }

    @Test
    void withoutASigningSecretTheWebhookIsUnavailable() {
        Response response = target("/api/webhooks/clerk").request()
                .header("svix-id", "msg_1")
                .header("svix-timestamp", "1700000000")
                .header("svix-signature", "v1,AAAA")
                .post(Entity.json(Deliveries.payload("user.deleted")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.readEntity(String.class)).isEqualTo("Webhook signing secret is not configured");
        assertThat(syncUsers.calls()).isEmpty();
    }
}

package org.agentworkspace.http;

import java.util.List;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookDelivery;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.CreateWebhook;
import org.agentworkspace.core.port.in.CreatedWebhook;
import org.agentworkspace.core.port.in.DeleteWebhook;
import org.agentworkspace.core.port.in.ListWebhookDeliveries;
import org.agentworkspace.core.port.in.ListWebhooks;
import org.agentworkspace.core.port.in.WebhookInput;

/** The changes and webhook routes over use cases that fail the test if called: for route inventories. */
final class StubSyncUseCases {
    private StubSyncUseCases() {
    }

    static SyncHttpUseCases unused() {
        return new SyncHttpUseCases((agent, cursor, limit) -> fail(), new CreateWebhook() {
            @Override
            public CreatedWebhook create(AgentPrincipal agent, WebhookInput input) {
                return fail();
            }

            @Override
            public CreatedWebhook createForOwner(UserPrincipal user, String agentId, WebhookInput input) {
                return fail();
            }
        }, new ListWebhooks() {
            @Override
            public List<Webhook> list(AgentPrincipal agent) {
                return fail();
            }

            @Override
            public List<Webhook> listForOwner(UserPrincipal user, String agentId) {
                return fail();
            }
        }, new DeleteWebhook() {
            @Override
            public void delete(AgentPrincipal agent, String webhookId) {
                fail();
            }

            @Override
            public void deleteForOwner(UserPrincipal user, String agentId, String webhookId) {
                fail();
            }
        }, new ListWebhookDeliveries() {
            @Override
            public List<WebhookDelivery> list(AgentPrincipal agent, String webhookId) {
                return fail();
            }

            @Override
            public List<WebhookDelivery> listForOwner(UserPrincipal user, String agentId, String webhookId) {
                return fail();
            }
        });
    }

    private static <T> T fail() {
        throw new AssertionError("this use case is not part of the test");
    }
}

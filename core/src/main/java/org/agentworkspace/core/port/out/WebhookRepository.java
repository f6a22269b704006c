package org.agentworkspace.core.port.out;

import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Webhook;
import org.agentworkspace.core.domain.WebhookDelivery;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.ownership.AgentScope;

/** Webhook endpoints of the scope's agent and their deliveries. No method reaches another agent's. */
public interface WebhookRepository {

    void insert(AgentScope scope, Webhook webhook, WebhookSecret secret);

    /** Oldest first, then by id. */
    List<Webhook> list(AgentScope scope);

    Optional<Webhook> find(AgentScope scope, WebhookId id);

    /** Removes the endpoint with its queued and logged messages. */
    boolean delete(AgentScope scope, WebhookId id);

    /** The endpoint's messages, newest first, at most {@code limit}. */
    List<WebhookDelivery> deliveries(AgentScope scope, WebhookId id, int limit);
}

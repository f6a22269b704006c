package org.agentworkspace.core.port.in;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.Subscription;

/** A created agent with its first key (shown this once) and its first feed subscription. */
public record NewAgent(Agent agent, ApiKey apiKey, Subscription subscription) {
}

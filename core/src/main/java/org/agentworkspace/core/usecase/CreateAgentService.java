package org.agentworkspace.core.usecase;

import java.time.Instant;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentData;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentRules;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.CreateAgent;
import org.agentworkspace.core.port.in.NewAgent;

final class CreateAgentService implements CreateAgent {
    private final Chain chain;

    CreateAgentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public NewAgent create(UserPrincipal user, AgentInput input) {
        OwnerScope owner = chain.ownership.scopeFor(user);
        AgentData data = AgentRules.forCreate(input.name(), input.description(), input.timezone(), input.status());
        return chain.ports.transactions().inTransaction(owner, () -> {
            Instant now = chain.now();
            Agent agent = new Agent(AgentId.random(), owner.userId(), data.name(), data.description(),
                    data.timezone(), data.status(), now, now);
            chain.ports.agents().insert(owner, agent, new Calendar(CalendarId.random(), agent.id(), now));
            AgentScope scope = chain.ownership.scopeFor(user, agent, Access.WRITE);
            return chain.ports.transactions().inTransaction(scope, () -> {
                IssuedKey issued = AgentKeys.drawDefault(chain.settings.random(), agent.id(), now);
                chain.ports.apiKeys().insert(scope, issued.key(), issued.secret().digest());
                ApiKey key = issued.secret();
                Subscription subscription = new Subscription(SubscriptionId.random(), agent.id(),
                        FeedToken.generate(chain.settings.random()), null, null, FeedDetail.FULL, now, null, null);
                chain.ports.subscriptions().insert(scope, subscription);
                chain.audit(scope, AuditAction.AGENT_CREATED, "Agent \"" + agent.name() + "\" created");
                chain.audit(scope, AuditAction.KEY_ISSUED, "First API key issued");
                chain.audit(scope, AuditAction.SUBSCRIPTION_CREATED, "Feed subscription " + subscription.id() + " created");
                return new NewAgent(agent, key, subscription);
            });
        });
    }
}

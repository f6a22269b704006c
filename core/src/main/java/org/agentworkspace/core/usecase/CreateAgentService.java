package org.agentworkspace.core.usecase;

import java.security.SecureRandom;
import java.time.Instant;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentData;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentRules;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.Access;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.AgentInput;
import org.agentworkspace.core.port.in.CreateAgent;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.ApiKeyRepository;
import org.agentworkspace.core.port.out.SubscriptionRepository;
import org.agentworkspace.core.port.out.Transactions;

final class CreateAgentService implements CreateAgent {
    private final Transactions transactions;
    private final AgentRepository agents;
    private final ApiKeyRepository apiKeys;
    private final SubscriptionRepository subscriptions;
    private final AuditTrail auditTrail;
    private final Ownership ownership;
    private final SecureRandom random;
    private final StorageClock clock;

    CreateAgentService(Transactions transactions, AgentRepository agents, ApiKeyRepository apiKeys,
            SubscriptionRepository subscriptions, AuditTrail auditTrail, Ownership ownership, SecureRandom random,
            StorageClock clock) {
        this.transactions = transactions;
        this.agents = agents;
        this.apiKeys = apiKeys;
        this.subscriptions = subscriptions;
        this.auditTrail = auditTrail;
        this.ownership = ownership;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public NewAgent create(UserPrincipal user, AgentInput input) {
        OwnerScope owner = ownership.scopeFor(user);
        AgentData data = AgentRules.forCreate(input.name(), input.description(), input.timezone(), input.status());
        return transactions.inTransaction(owner, () -> {
            Instant now = clock.now();
            Agent agent = new Agent(AgentId.random(), owner.userId(), data.name(), data.description(),
                    data.timezone(), data.status(), now, now);
            agents.insert(owner, agent, new Calendar(CalendarId.random(), agent.id(), now));
            AgentScope scope = ownership.scopeFor(user, agent, Access.WRITE);
            // From here on the transaction sees the new agent's rows only, not all of the owner's.
            transactions.narrowTo(scope);
            IssuedKey issued = AgentKeys.drawDefault(random, agent.id(), now);
            apiKeys.insert(scope, issued.key(), issued.secret().digest());
            ApiKey key = issued.secret();
            Subscription subscription = new Subscription(SubscriptionId.random(), agent.id(),
                    FeedToken.generate(random), null, null, FeedDetail.FULL, now, null, null);
            subscriptions.insert(scope, subscription);
            auditTrail.append(scope, AuditAction.AGENT_CREATED, "Agent \"" + agent.name() + "\" created");
            auditTrail.append(scope, AuditAction.KEY_ISSUED, "First API key issued");
            auditTrail.append(scope, AuditAction.SUBSCRIPTION_CREATED, "Feed subscription " + subscription.id() + " created");
            return new NewAgent(agent, key, subscription);
        });
    }
}

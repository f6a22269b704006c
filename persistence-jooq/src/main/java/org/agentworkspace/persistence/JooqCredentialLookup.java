package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.AGENTS;
import static org.agentworkspace.persistence.generated.Tables.API_KEYS;
import static org.agentworkspace.persistence.generated.Tables.SUBSCRIPTIONS;

import java.util.Optional;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.port.out.CredentialLookup;

/** The chain's two lookups before a scope exists; both are unique-index equality lookups. */
public final class JooqCredentialLookup implements CredentialLookup {
    private final JooqTransactions tx;

    public JooqCredentialLookup(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<AgentCredential> agentByKeyDigest(KeyDigest digest) {
        return tx.dsl().select(AGENTS.ID, AGENTS.STATUS)
                .from(API_KEYS).join(AGENTS).on(AGENTS.ID.eq(API_KEYS.AGENT_ID))
                .where(API_KEYS.DIGEST.eq(digest.bytes()))
                .fetchOptional(r -> new AgentCredential(new AgentId(r.value1()),
                        AgentStatus.fromWire(r.value2()).orElseThrow()));
    }

    @Override
    public Optional<FeedCredential> feedByToken(AgentId agentId, FeedToken token) {
        return tx.dsl().select(SUBSCRIPTIONS.ID, SUBSCRIPTIONS.TOKEN, SUBSCRIPTIONS.DETAIL)
                .from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.TOKEN.eq(token.reveal()))
                .and(SUBSCRIPTIONS.AGENT_ID.eq(agentId.value()))
                .fetchOptional(r -> new FeedCredential(new SubscriptionId(r.value1()), agentId,
                        FeedToken.parse(r.value2()).orElseThrow(), FeedDetail.fromWire(r.value3()).orElseThrow()));
    }
}

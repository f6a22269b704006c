package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentCredential;
import org.junit.jupiter.api.Test;

/**
 * {@link org.agentworkspace.core.port.out.CredentialLookup}: a key digest unlocks its own agent
 * only, a feed token answers its own subscription and the agent stored with it, and neither
 * survives replacement, rotation or a rolled-back write.
 */
public abstract class CredentialLookupContract extends PortContract {
    private final SecureRandom random = new SecureRandom();

    private static org.agentworkspace.core.domain.AgentKey keyOf(org.agentworkspace.core.ownership.AgentScope scope) {
        return new org.agentworkspace.core.domain.AgentKey(org.agentworkspace.core.domain.ApiKeyId.random(),
                scope.agentId(), "contract", org.agentworkspace.core.domain.Scope.all(), "ak_contr", null, T0, null);
    }

    @Test
    public void aKeyDigestFindsItsOwnAgentUntilTheKeyIsReplaced() {
        ApiKey first = ApiKey.generate(random);
        ApiKey second = ApiKey.generate(random);
        run(a, () -> ports.apiKeys().replaceAll(a, keyOf(a), first.digest(), T0));
        assertThat(ports.transactions().inSingleStatement(() -> ports.credentials().agentByKeyDigest(first.digest())))
                .map(AgentCredential::agentId).contains(agentA.id());
        run(a, () -> ports.apiKeys().replaceAll(a, keyOf(a), second.digest(), T0));
        assertThat(ports.transactions().inSingleStatement(() -> ports.credentials().agentByKeyDigest(first.digest())))
                .isEmpty();
        assertThat(ports.transactions().inSingleStatement(() -> ports.credentials().agentByKeyDigest(second.digest())))
                .map(AgentCredential::agentId).contains(agentA.id());
    }

    @Test
    public void aFeedTokenAnswersItsOwnAgentNeverTheSiblings() {
        Subscription ofA = new Subscription(SubscriptionId.random(), agentA.id(), FeedToken.generate(random), null, null,
                FeedDetail.FULL, T0, null, null);
        run(a, () -> ports.subscriptions().insert(a, ofA));
        assertThat(ports.transactions().inSingleStatement(() -> ports.credentials().feedByToken(ofA.token())))
                .hasValueSatisfying(c -> {
                    assertThat(c.agentId()).isEqualTo(agentA.id()).isNotEqualTo(agentB.id());
                    assertThat(c.subscriptionId()).isEqualTo(ofA.id());
                });
        run(a, () -> ports.subscriptions().replaceToken(a, ofA.id(), FeedToken.generate(random)));
        assertThat(ports.transactions().inSingleStatement(() -> ports.credentials().feedByToken(ofA.token())))
                .isEmpty();
    }

    @Test
    public void aFailureRollsTheWritesBack() {
        ApiKey key = ApiKey.generate(random);
        failAfter(b, () -> ports.apiKeys().replaceAll(b, keyOf(b), key.digest(), T0));
        assertThat(ports.transactions().inSingleStatement(() -> ports.credentials().agentByKeyDigest(key.digest())))
                .isEmpty();
    }
}

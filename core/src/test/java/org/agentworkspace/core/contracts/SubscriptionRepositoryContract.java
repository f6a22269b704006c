package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentScope;
import org.junit.jupiter.api.Test;

/** {@link org.agentworkspace.core.port.out.SubscriptionRepository}: every backend keeps these promises. */
public abstract class SubscriptionRepositoryContract extends PortContract {
    private final SecureRandom random = new SecureRandom();

    private Subscription subscriptionOf(AgentScope scope) {
        Subscription s = new Subscription(SubscriptionId.random(), scope.agentId(), FeedToken.generate(random), "phone",
                null, FeedDetail.FULL, T0, null, null);
        run(scope, () -> ports.subscriptions().insert(scope, s));
        return s;
    }

    @Test
    public void anAgentListsRotatesAndRevokesItsOwnSubscription() {
        Subscription s = subscriptionOf(a);
        assertThat(in(a, () -> ports.subscriptions().list(a))).containsExactly(s);
        FeedToken rotated = FeedToken.generate(random);
        assertThat(in(a, () -> ports.subscriptions().replaceToken(a, s.id(), rotated)))
                .hasValueSatisfying(r -> assertThat(r.token()).isEqualTo(rotated));
        assertThat(in(a, () -> ports.subscriptions().delete(a, s.id()))).isTrue();
        assertThat(in(a, () -> ports.subscriptions().find(a, s.id()))).isEmpty();
    }

    @Test
    public void scopeBCannotSeeChangeOrDeleteAsSubscription() {
        Subscription s = subscriptionOf(a);

        assertThat(in(b, () -> ports.subscriptions().list(b))).isEmpty();
        assertThat(in(b, () -> ports.subscriptions().find(b, s.id()))).isEmpty();
        assertThat(in(b, () -> ports.subscriptions().replaceToken(b, s.id(), FeedToken.generate(random)))).isEmpty();
        run(b, () -> ports.subscriptions().recordFetch(b, s.id(), T0.plusSeconds(60), "intruder", T0));
        assertThat(in(b, () -> ports.subscriptions().delete(b, s.id()))).isFalse();

        assertThat(in(a, () -> ports.subscriptions().find(a, s.id()))).contains(s);
    }

    @Test
    public void aFailureRollsTheWritesBack() {
        Subscription kept = subscriptionOf(a);
        failAfter(a, () -> {
            ports.subscriptions().replaceToken(a, kept.id(), FeedToken.generate(random));
            ports.subscriptions().insert(a, new Subscription(SubscriptionId.random(), a.agentId(),
                    FeedToken.generate(random), null, null, FeedDetail.BUSY, T0, null, null));
        });
        assertThat(in(a, () -> ports.subscriptions().list(a))).containsExactly(kept);
    }
}

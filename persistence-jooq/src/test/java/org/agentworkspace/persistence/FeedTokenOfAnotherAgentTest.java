package org.agentworkspace.persistence;

import static org.agentworkspace.core.builders.AgentInputBuilder.anAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.fakes.FakeSessionVerifier;
import org.agentworkspace.core.fakes.SimpleRecurrenceExpander;
import org.agentworkspace.core.fakes.TextFeedRenderer;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.usecase.Ports;
import org.agentworkspace.core.usecase.Settings;
import org.agentworkspace.core.usecase.UseCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed check on the real lookup (issue 16, gap 2): the token's agent is read from its row, so
 * a live token of agent A presented under agent B's feed URL is refused by the use case's
 * comparison, for a sibling of the same owner as for a stranger's agent.
 */
class FeedTokenOfAnotherAgentTest {
    private UseCases useCases;
    private NewAgent a;
    private NewAgent siblingOfA;
    private NewAgent strangers;

    @BeforeEach
    void setUp() {
        JooqPersistence p = JooqPersistence.create(RuntimeRoleDatabases.fresh().runtimeDataSource());
        useCases = UseCases.create(new Ports(p.transactions(), p.credentials(), p.users(), p.agents(), p.events(),
                p.documents(), p.subscriptions(), p.apiKeys(), p.audit(), p.idempotency(), p.processedWebhooks(),
                new SimpleRecurrenceExpander(), new TextFeedRenderer(), new FakeSessionVerifier()),
                Settings.defaults());
        UserPrincipal owner = useCases.actAsUser().addUser(UserProfile.idOnly(new UserId("user_owner")));
        UserPrincipal stranger = useCases.actAsUser().addUser(UserProfile.idOnly(new UserId("user_stranger")));
        a = useCases.createAgent().create(owner, anAgent().withName("A").build());
        siblingOfA = useCases.createAgent().create(owner, anAgent().withName("B").build());
        strangers = useCases.createAgent().create(stranger, anAgent().withName("C").build());
    }

    @Test
    void aTokenOpensItsOwnAgentsFeed() {
        assertThat(useCases.serveFeed().open(a.agent().id().toString(), a.subscription().token().reveal(), "test")
                .etag()).isNotBlank();
    }

    @Test
    void aLiveTokenOfAgentAUnderAnotherAgentsPathIsNotFound() {
        String tokenOfA = a.subscription().token().reveal();
        assertThatThrownBy(() -> useCases.serveFeed().open(siblingOfA.agent().id().toString(), tokenOfA, "test"))
                .isInstanceOf(NotFound.class).hasMessage("Feed not found");
        assertThatThrownBy(() -> useCases.serveFeed().open(strangers.agent().id().toString(), tokenOfA, "test"))
                .isInstanceOf(NotFound.class).hasMessage("Feed not found");
    }
}

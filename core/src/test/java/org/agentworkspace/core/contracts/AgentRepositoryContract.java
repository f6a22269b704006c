package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.junit.jupiter.api.Test;

/** {@link org.agentworkspace.core.port.out.AgentRepository}: every backend keeps these promises. */
public abstract class AgentRepositoryContract extends PortContract {

    private static Agent renamed(Agent agent, String name) {
        return new Agent(agent.id(), agent.owner(), name, agent.description(), agent.timezone(), AgentStatus.READ_ONLY,
                agent.createdAt(), agent.updatedAt().plusSeconds(1));
    }

    @Test
    public void anOwnerListsAndFindsTheirAgentsAndAnAgentScopeReachesItsOwn() {
        assertThat(ports.transactions().inTransaction(ownerScope, () -> ports.agents().list(ownerScope)))
                .containsExactlyInAnyOrder(agentA, agentB);
        assertThat(ports.transactions().inTransaction(ownerScope, () -> ports.agents().find(ownerScope, agentA.id())))
                .contains(agentA);
        assertThat(in(a, () -> ports.agents().get(a))).contains(agentA);
        Agent changed = renamed(agentA, "A2");
        assertThat(in(a, () -> ports.agents().update(a, changed))).isTrue();
        assertThat(in(a, () -> ports.agents().get(a))).contains(changed);
    }

    @Test
    public void scopeBCannotSeeChangeOrDeleteA() {
        assertThat(in(b, () -> ports.agents().get(b))).contains(agentB);
        assertThat(in(b, () -> ports.agents().update(b, renamed(agentA, "hijacked")))).isFalse();
        assertThat(in(b, () -> ports.agents().delete(b))).isTrue();
        assertThat(in(a, () -> ports.agents().get(a))).contains(agentA);

        UserPrincipal stranger = user("user_stranger");
        OwnerScope strangers = ownerScopeOf(stranger);
        assertThat(ports.transactions().inTransaction(strangers, () -> ports.agents().list(strangers))).isEmpty();
        assertThat(ports.transactions().inTransaction(strangers, () -> ports.agents().find(strangers, agentA.id())))
                .isEmpty();
    }

    @Test
    public void aFailureRollsTheWritesBack() {
        failAfter(a, () -> ports.agents().update(a, renamed(agentA, "lost")));
        failAfter(b, () -> ports.agents().delete(b));
        assertThat(ports.transactions().inTransaction(ownerScope, () -> ports.agents().list(ownerScope)))
                .containsExactlyInAnyOrder(agentA, agentB);
    }
}

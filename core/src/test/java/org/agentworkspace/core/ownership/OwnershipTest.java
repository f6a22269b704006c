package org.agentworkspace.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.domain.UserId;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    private static final Instant T = Instant.parse("2026-01-15T08:00:00Z");
    private final Ownership ownership = new Ownership();

    private AgentPrincipal agent(AgentId id, AgentStatus status) {
        return ownership.agentPrincipal(new AgentCredential(id, status));
    }

    private static Agent agentOwnedBy(UserId owner, AgentStatus status) {
        return new Agent(AgentId.random(), owner, "Atlas", null, ZoneId.of("UTC"), status, T, T);
    }

    @Test
    void an_agent_principal_only_ever_gets_its_own_scope() {
        AgentId id = AgentId.random();
        AgentScope scope = ownership.scopeFor(agent(id, AgentStatus.ACTIVE), Access.WRITE);
        assertThat(scope.agentId()).isEqualTo(id);
        assertThat(scope.access()).isEqualTo(Access.WRITE);
        assertThat(scope.actor()).isEqualTo("agent:" + id);
    }

    @Test
    void a_suspended_agent_gets_no_scope_at_all() {
        AgentPrincipal suspended = agent(AgentId.random(), AgentStatus.SUSPENDED);
        assertThatThrownBy(() -> ownership.scopeFor(suspended, Access.READ)).isInstanceOf(AgentSuspended.class);
        assertThatThrownBy(() -> ownership.scopeFor(suspended, Access.WRITE)).isInstanceOf(AgentSuspended.class);
    }

    @Test
    void a_read_only_agent_may_read_but_not_write() {
        AgentPrincipal readOnly = agent(AgentId.random(), AgentStatus.READ_ONLY);
        assertThat(ownership.scopeFor(readOnly, Access.READ).access()).isEqualTo(Access.READ);
        assertThatThrownBy(() -> ownership.scopeFor(readOnly, Access.WRITE)).isInstanceOf(AgentNotWritable.class);
    }

    @Test
    void a_user_gets_a_scope_for_agents_they_own_whatever_the_status() {
        UserId alice = new UserId("user_alice");
        UserPrincipal user = ownership.userPrincipal(alice);
        Agent suspended = agentOwnedBy(alice, AgentStatus.SUSPENDED);
        AgentScope scope = ownership.scopeFor(user, suspended, Access.WRITE);
        assertThat(scope.agentId()).isEqualTo(suspended.id());
        assertThat(scope.actor()).isEqualTo("user:user_alice");
        assertThat(ownership.scopeFor(user).userId()).isEqualTo(alice);
    }

    @Test
    void a_user_gets_not_found_for_someone_elses_agent() {
        UserPrincipal mallory = ownership.userPrincipal(new UserId("user_mallory"));
        Agent alices = agentOwnedBy(new UserId("user_alice"), AgentStatus.ACTIVE);
        assertThatThrownBy(() -> ownership.scopeFor(mallory, alices, Access.READ))
                .isInstanceOf(NotFound.class).hasMessage("Agent not found");
    }

    @Test
    void a_feed_scope_needs_the_credentials_own_token_and_only_reads() {
        SecureRandom random = new SecureRandom();
        FeedToken token = FeedToken.generate(random);
        FeedCredential credential = new FeedCredential(SubscriptionId.random(), AgentId.random(), token, FeedDetail.FULL);
        AgentScope scope = ownership.scopeForFeed(credential, FeedToken.parse(token.reveal()).orElseThrow());
        assertThat(scope.agentId()).isEqualTo(credential.agentId());
        assertThat(scope.access()).isEqualTo(Access.READ);
        assertThatThrownBy(() -> ownership.scopeForFeed(credential, FeedToken.generate(random)))
                .isInstanceOf(NotFound.class);
    }
}

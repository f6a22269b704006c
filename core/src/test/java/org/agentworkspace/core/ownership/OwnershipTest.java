package org.agentworkspace.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentNotWritable;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.ScopeMissing;
import org.agentworkspace.core.domain.Unauthenticated;
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
        return ownership.agentPrincipal(new AgentCredential(id, status), T);
    }

    private static Agent agentOwnedBy(UserId owner, AgentStatus status) {
        return new Agent(AgentId.random(), owner, "Atlas", null, ZoneId.of("UTC"), status, T, T);
    }

    @Test
    void an_agent_principal_only_ever_gets_its_own_scope() {
        AgentId id = AgentId.random();
        AgentScope scope = ownership.scopeFor(agent(id, AgentStatus.ACTIVE), Scope.EVENTS_WRITE);
        assertThat(scope.agentId()).isEqualTo(id);
        assertThat(scope.access()).isEqualTo(Access.WRITE);
        assertThat(scope.actor()).isEqualTo("agent:" + id);
    }

    @Test
    void a_suspended_agent_gets_no_scope_at_all() {
        AgentPrincipal suspended = agent(AgentId.random(), AgentStatus.SUSPENDED);
        for (Scope scope : Scope.values()) {
            assertThatThrownBy(() -> ownership.scopeFor(suspended, scope)).isInstanceOf(AgentSuspended.class);
        }
        assertThatThrownBy(() -> ownership.scopeForAnyKey(suspended)).isInstanceOf(AgentSuspended.class);
    }

    @Test
    void a_read_only_agent_may_read_but_not_write() {
        AgentPrincipal readOnly = agent(AgentId.random(), AgentStatus.READ_ONLY);
        assertThat(ownership.scopeFor(readOnly, Scope.EVENTS_READ).access()).isEqualTo(Access.READ);
        assertThat(ownership.scopeFor(readOnly, Scope.DOCS_READ).access()).isEqualTo(Access.READ);
        for (Scope write : new Scope[] {Scope.EVENTS_WRITE, Scope.DOCS_WRITE, Scope.WEBHOOKS_MANAGE}) {
            assertThatThrownBy(() -> ownership.scopeFor(readOnly, write)).isInstanceOf(AgentNotWritable.class);
        }
    }

    @Test
    void a_read_only_agent_may_list_what_a_managing_scope_guards_but_not_change_it() {
        AgentPrincipal readOnly = keyWith(AgentStatus.READ_ONLY, Set.of(Scope.WEBHOOKS_MANAGE), null, null);
        assertThat(ownership.scopeToRead(readOnly, Scope.WEBHOOKS_MANAGE).access()).isEqualTo(Access.READ);
        assertThatThrownBy(() -> ownership.scopeFor(readOnly, Scope.WEBHOOKS_MANAGE))
                .isInstanceOf(AgentNotWritable.class);
        AgentPrincipal reader = keyWith(AgentStatus.READ_ONLY, Set.of(Scope.EVENTS_READ), null, null);
        assertThatThrownBy(() -> ownership.scopeToRead(reader, Scope.WEBHOOKS_MANAGE))
                .isInstanceOf(ScopeMissing.class).hasMessage("This key lacks the scope webhooks:manage");
        AgentPrincipal suspended = keyWith(AgentStatus.SUSPENDED, Scope.all(), null, null);
        assertThatThrownBy(() -> ownership.scopeToRead(suspended, Scope.WEBHOOKS_MANAGE))
                .isInstanceOf(AgentSuspended.class);
    }

    private AgentPrincipal keyWith(AgentStatus status, Set<Scope> scopes, Instant expiresAt, Instant graceUntil) {
        return ownership.agentPrincipal(new AgentCredential(AgentId.random(), status, ApiKeyId.random(), "ci",
                scopes, expiresAt, null, graceUntil), T);
    }

    @Test
    void a_key_gets_a_scope_only_for_what_it_holds_and_a_write_scope_grants_its_read() {
        AgentPrincipal reader = keyWith(AgentStatus.ACTIVE, Set.of(Scope.EVENTS_READ), null, null);
        assertThat(ownership.scopeFor(reader, Scope.EVENTS_READ).access()).isEqualTo(Access.READ);
        assertThatThrownBy(() -> ownership.scopeFor(reader, Scope.EVENTS_WRITE))
                .isInstanceOf(ScopeMissing.class).hasMessage("This key lacks the scope events:write");
        assertThatThrownBy(() -> ownership.scopeFor(reader, Scope.DOCS_READ))
                .isInstanceOf(ScopeMissing.class).hasMessage("This key lacks the scope docs:read");

        AgentPrincipal writer = keyWith(AgentStatus.ACTIVE, Set.of(Scope.DOCS_WRITE), null, null);
        assertThat(ownership.scopeFor(writer, Scope.DOCS_READ).permits(Scope.DOCS_READ)).isTrue();
        assertThat(ownership.scopeFor(writer, Scope.DOCS_WRITE).permits(Scope.EVENTS_READ)).isFalse();
        assertThat(ownership.scopeForAnyKey(writer).agentId()).isEqualTo(writer.agentId());
    }

    @Test
    void a_route_open_to_several_scopes_needs_one_of_them_and_names_the_first_when_none() {
        AgentPrincipal docs = keyWith(AgentStatus.READ_ONLY, Set.of(Scope.DOCS_READ), null, null);
        AgentScope scope = ownership.scopeForAny(docs, Scope.EVENTS_READ, Scope.DOCS_READ);
        assertThat(scope.permits(Scope.DOCS_READ)).isTrue();
        assertThat(scope.permits(Scope.EVENTS_READ)).isFalse();
        AgentPrincipal hooks = keyWith(AgentStatus.ACTIVE, Set.of(Scope.WEBHOOKS_MANAGE), null, null);
        assertThatThrownBy(() -> ownership.scopeForAny(hooks, Scope.EVENTS_READ, Scope.DOCS_READ))
                .isInstanceOf(ScopeMissing.class).hasMessage("This key lacks the scope events:read");
    }

    @Test
    void an_expired_key_or_a_previous_secret_past_its_grace_yields_no_principal() {
        AgentCredential expiring = new AgentCredential(AgentId.random(), AgentStatus.ACTIVE, ApiKeyId.random(), null,
                Scope.all(), T.plusSeconds(60), null, null);
        assertThat(ownership.agentPrincipal(expiring, T.plusSeconds(59)).keyExpiresAt()).isEqualTo(T.plusSeconds(60));
        assertThatThrownBy(() -> ownership.agentPrincipal(expiring, T.plusSeconds(60)))
                .isInstanceOf(Unauthenticated.class);
        AgentCredential previous = new AgentCredential(AgentId.random(), AgentStatus.ACTIVE, ApiKeyId.random(), null,
                Scope.all(), null, null, T.plusSeconds(30));
        assertThat(ownership.agentPrincipal(previous, T.plusSeconds(29)).agentId()).isEqualTo(previous.agentId());
        assertThatThrownBy(() -> ownership.agentPrincipal(previous, T.plusSeconds(30)))
                .isInstanceOf(Unauthenticated.class);
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

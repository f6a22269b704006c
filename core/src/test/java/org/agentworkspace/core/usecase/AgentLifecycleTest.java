package org.agentworkspace.core.usecase;

import static org.agentworkspace.core.builders.AgentInputBuilder.anAgent;
import static org.agentworkspace.core.builders.AgentInputBuilder.anAgentChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.AgentSuspended;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.in.PageQuery;
import org.junit.jupiter.api.Test;

class AgentLifecycleTest {
    private final Scenario s = new Scenario();
    private final UserPrincipal alice = s.user("user_alice");
    private final UserPrincipal mallory = s.user("user_mallory");

    @Test
    void create_makes_agent_calendar_key_subscription_and_audit_in_one_transaction() {
        s.ws.transactions.forget();
        NewAgent created = s.ws.useCases.createAgent().create(alice,
                anAgent().withName("Atlas").withTimezone("Europe/Berlin").build());
        Agent agent = created.agent();
        assertThat(agent.owner()).isEqualTo(alice.userId());
        assertThat(agent.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(agent.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(s.ws.db.hasCalendar(agent.id())).isTrue();
        assertThat(s.ws.db.storedKeyDigest(agent.id())).isEqualTo(created.apiKey().digest());
        assertThat(created.subscription().detail()).isEqualTo(FeedDetail.FULL);
        assertThat(created.subscription().agentId()).isEqualTo(agent.id());
        assertThat(s.ws.db.auditEntries()).extracting(AuditEntry::action).containsExactly(
                AuditAction.AGENT_CREATED, AuditAction.KEY_ISSUED, AuditAction.SUBSCRIPTION_CREATED);
        assertThat(s.ws.db.auditEntries()).allSatisfy(e -> assertThat(e.actor()).isEqualTo("user:user_alice"));
        assertThat(s.ws.transactions.outermostScopes()).containsExactly("OwnerScope[user_alice]");
    }

    @Test
    void invalid_input_creates_nothing() {
        assertThatThrownBy(() -> s.ws.useCases.createAgent().create(alice, anAgent().withName("").build()))
                .isInstanceOf(ValidationFailed.class);
        assertThat(s.ws.useCases.listAgents().list(alice)).isEmpty();
    }

    @Test
    void users_see_only_their_own_agents_and_others_are_not_found() {
        NewAgent atlas = s.agentOf(alice, "Atlas");
        s.agentOf(mallory, "Mole");
        String id = atlas.agent().id().toString();
        assertThat(s.ws.useCases.listAgents().list(alice)).extracting(Agent::name).containsExactly("Atlas");
        assertThat(s.ws.useCases.getAgent().get(alice, id)).isEqualTo(atlas.agent());
        assertThatThrownBy(() -> s.ws.useCases.getAgent().get(mallory, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.updateAgent().update(mallory, id, anAgentChange().withName("Owned").build()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.deleteAgent().delete(mallory, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.regenerateApiKey().regenerate(mallory, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.listSubscriptions().listForOwner(mallory, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.getAgent().get(alice, "not-an-id")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.getAgent().get(alice, AgentId.random().toString())).isInstanceOf(NotFound.class);
        assertThat(s.ws.useCases.getAgent().get(alice, id).name()).isEqualTo("Atlas");
    }

    @Test
    void status_changes_are_audited_and_take_effect_on_the_key() {
        NewAgent atlas = s.agentOf(alice, "Atlas");
        s.ws.clock.advance(Duration.ofMinutes(1));
        Agent updated = s.ws.useCases.updateAgent().update(alice, atlas.agent().id().toString(),
                anAgentChange().withStatus("suspended").build());
        assertThat(updated.status()).isEqualTo(AgentStatus.SUSPENDED);
        assertThat(updated.updatedAt()).isAfter(atlas.agent().updatedAt());
        AuditEntry last = s.ws.db.auditEntries().get(s.ws.db.auditEntries().size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.AGENT_STATUS_CHANGED);
        assertThat(last.detail()).isEqualTo("active → suspended");
        assertThatThrownBy(() -> s.ws.useCases.getAgentProfile().me(s.principalOf(atlas)))
                .isInstanceOf(AgentSuspended.class);
    }

    @Test
    void other_changes_are_audited_as_updates_and_no_change_writes_nothing() {
        NewAgent atlas = s.agentOf(alice, "Atlas");
        String id = atlas.agent().id().toString();
        int before = s.ws.db.auditEntries().size();
        Agent same = s.ws.useCases.updateAgent().update(alice, id, anAgentChange().withName("Atlas").build());
        assertThat(same).isEqualTo(atlas.agent());
        assertThat(s.ws.db.auditEntries()).hasSize(before);
        Agent renamed = s.ws.useCases.updateAgent().update(alice, id,
                anAgentChange().withName("Atlas II").withDescription("helps").build());
        assertThat(renamed.name()).isEqualTo("Atlas II");
        assertThat(renamed.description()).isEqualTo("helps");
        AuditEntry last = s.ws.db.auditEntries().get(s.ws.db.auditEntries().size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.AGENT_UPDATED);
        assertThat(last.detail()).isEqualTo("Changed name, description");
    }

    @Test
    void delete_removes_the_agent_and_its_key_stops_working() {
        NewAgent atlas = s.agentOf(alice, "Atlas");
        s.ws.useCases.deleteAgent().delete(alice, atlas.agent().id().toString());
        assertThat(s.ws.useCases.listAgents().list(alice)).isEmpty();
        assertThatThrownBy(() -> s.principalOf(atlas)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> s.ws.useCases.deleteAgent().delete(alice, atlas.agent().id().toString()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void audit_is_listed_newest_first_with_paging() {
        NewAgent atlas = s.agentOf(alice, "Atlas");
        String id = atlas.agent().id().toString();
        s.ws.clock.advance(Duration.ofSeconds(1));
        s.ws.useCases.regenerateApiKey().regenerate(alice, id);
        List<AuditEntry> entries = s.ws.useCases.listAuditEntries().list(alice, id, PageQuery.defaults());
        assertThat(entries.get(0).action()).isEqualTo(AuditAction.KEY_REGENERATED);
        assertThat(entries).hasSize(4);
        assertThat(s.ws.useCases.listAuditEntries().list(alice, id, new PageQuery("2", "1"))).hasSize(2);
        assertThatThrownBy(() -> s.ws.useCases.listAuditEntries().list(alice, id, new PageQuery("501", null)))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> s.ws.useCases.listAuditEntries().list(mallory, id, PageQuery.defaults()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void get_agent_profile_returns_the_calling_agent() {
        NewAgent atlas = s.agentOf(alice, "Atlas");
        assertThat(s.ws.useCases.getAgentProfile().me(s.principalOf(atlas))).isEqualTo(atlas.agent());
    }
}

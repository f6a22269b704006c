package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.in.SubscriptionInput;
import org.junit.jupiter.api.Test;

class SubscriptionUseCasesTest {
    private final Scenario s = new Scenario();
    private final UserPrincipal alice = s.user("user_alice");
    private final UserPrincipal mallory = s.user("user_mallory");
    private final NewAgent atlas = s.agentOf(alice, "Atlas");
    private final String agentId = atlas.agent().id().toString();

    private AuditAction lastAudit() {
        var all = s.ws.db.auditEntries();
        return all.get(all.size() - 1).action();
    }

    @Test
    void create_lists_and_audits() {
        Subscription busy = s.ws.useCases.createSubscription().create(alice, agentId,
                new SubscriptionInput(Field.of("Phone"), Field.of("me@example.com"), Field.of("busy")));
        assertThat(busy.detail()).isEqualTo(FeedDetail.BUSY);
        assertThat(busy.label()).isEqualTo("Phone");
        assertThat(lastAudit()).isEqualTo(AuditAction.SUBSCRIPTION_CREATED);
        assertThat(s.ws.useCases.listSubscriptions().listForOwner(alice, agentId))
                .extracting(Subscription::id).containsExactly(atlas.subscription().id(), busy.id());
        assertThat(s.ws.useCases.listSubscriptions().list(s.principalOf(atlas))).hasSize(2);
        assertThatThrownBy(() -> s.ws.useCases.createSubscription().create(alice, agentId,
                new SubscriptionInput(Field.absent(), Field.of("nope"), Field.absent()))).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void rotate_replaces_the_token_and_revoke_removes_the_subscription() {
        String id = atlas.subscription().id().toString();
        Subscription rotated = s.ws.useCases.rotateFeedToken().rotate(alice, agentId, id);
        assertThat(rotated.token()).isNotEqualTo(atlas.subscription().token());
        assertThat(lastAudit()).isEqualTo(AuditAction.SUBSCRIPTION_ROTATED);
        s.ws.useCases.revokeSubscription().revoke(alice, agentId, id);
        assertThat(lastAudit()).isEqualTo(AuditAction.SUBSCRIPTION_REVOKED);
        assertThat(s.ws.useCases.listSubscriptions().listForOwner(alice, agentId)).isEmpty();
        assertThatThrownBy(() -> s.ws.useCases.revokeSubscription().revoke(alice, agentId, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.rotateFeedToken().rotate(alice, agentId, "bad")).isInstanceOf(NotFound.class);
    }

    @Test
    void someone_elses_subscription_is_not_found() {
        String id = atlas.subscription().id().toString();
        NewAgent mole = s.agentOf(mallory, "Mole");
        assertThatThrownBy(() -> s.ws.useCases.rotateFeedToken().rotate(mallory, agentId, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.rotateFeedToken().rotate(mallory, mole.agent().id().toString(), id))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.revokeSubscription().revoke(mallory, mole.agent().id().toString(), id))
                .isInstanceOf(NotFound.class);
        assertThat(s.ws.useCases.listSubscriptions().listForOwner(alice, agentId)).hasSize(1);
        assertThat(s.ws.db.auditEntries()).extracting(AuditEntry::action).doesNotContain(AuditAction.SUBSCRIPTION_ROTATED);
    }
}

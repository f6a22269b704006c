package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.in.SyncUsers.Outcome;
import org.agentworkspace.core.port.in.UserChange;
import org.junit.jupiter.api.Test;

class UserSyncTest {
    private final Scenario s = new Scenario();
    private final UserId ada = new UserId("user_ada");

    @Test
    void upsert_applies_once_per_delivery() {
        UserProfile profile = new UserProfile(ada, "ada@example.com", "Ada", "Lovelace", null);
        assertThat(s.ws.useCases.syncUsers().apply("msg_1", new UserChange.Upsert(profile))).isEqualTo(Outcome.APPLIED);
        assertThat(s.ws.useCases.syncUsers().apply("msg_1", new UserChange.Upsert(profile))).isEqualTo(Outcome.DUPLICATE);
        UserPrincipal user = s.ws.useCases.actAsUser().actAs("user_ada");
        assertThat(s.ws.useCases.getCurrentUser().me(user).email()).isEqualTo("ada@example.com");
    }

    @Test
    void delete_removes_the_user_and_their_agents() {
        UserPrincipal user = s.user("user_ada");
        NewAgent agent = s.agentOf(user, "Atlas");
        assertThat(s.ws.useCases.syncUsers().apply("msg_2", new UserChange.Delete(ada))).isEqualTo(Outcome.APPLIED);
        assertThatThrownBy(() -> s.principalOf(agent)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> s.ws.useCases.actAsUser().actAs("user_ada")).isInstanceOf(NotFound.class);
    }

    @Test
    void an_update_arriving_after_the_deletion_does_not_bring_the_user_back() {
        s.user("user_ada");
        s.ws.useCases.syncUsers().apply("msg_del", new UserChange.Delete(ada));

        Outcome late = s.ws.useCases.syncUsers().apply("msg_late",
                new UserChange.Upsert(new UserProfile(ada, "ada@example.com", "Ada", null, null)));

        assertThat(late).isEqualTo(Outcome.IGNORED);
        assertThatThrownBy(() -> s.ws.useCases.actAsUser().actAs("user_ada")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.authenticateUser().authenticate(s.ws.sessions.issue("tok_ada", ada)))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void other_events_are_ignored_and_deliveries_need_an_id() {
        assertThat(s.ws.useCases.syncUsers().apply("msg_3", new UserChange.Ignore("session.created")))
                .isEqualTo(Outcome.IGNORED);
        assertThatThrownBy(() -> s.ws.useCases.syncUsers().apply(" ", new UserChange.Ignore("x")))
                .isInstanceOf(WebhookRejected.class);
    }

    @Test
    void act_as_needs_an_existing_user() {
        assertThatThrownBy(() -> s.ws.useCases.actAsUser().actAs("user_nobody")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.actAsUser().actAs("")).isInstanceOf(NotFound.class);
        assertThat(s.ws.useCases.actAsUser().addUser(UserProfile.idOnly(ada)).userId()).isEqualTo(ada);
        assertThat(s.ws.useCases.actAsUser().actAs("user_ada").userId()).isEqualTo(ada);
    }

    @Test
    void a_profile_with_a_nul_is_rejected_before_any_write() {
        UserProfile profile = new UserProfile(ada, "ada@example.com", "Ada\u0000", "Lovelace", null);

        assertThatThrownBy(() -> s.ws.useCases.syncUsers().apply("msg_nul", new UserChange.Upsert(profile)))
                .isInstanceOf(WebhookRejected.class).hasMessageContaining("firstName").hasMessageContaining("NUL");
        assertThatThrownBy(() -> s.ws.useCases.actAsUser().addUser(profile))
                .isInstanceOf(org.agentworkspace.core.domain.ValidationFailed.class);
        assertThatThrownBy(() -> s.ws.useCases.actAsUser().actAs("user_ada")).isInstanceOf(NotFound.class);
    }
}

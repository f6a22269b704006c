package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.NewAgent;
import org.agentworkspace.core.port.in.UserChange;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private final Scenario s = new Scenario();

    @Test
    void the_agents_own_key_yields_its_principal_with_status() {
        NewAgent atlas = s.agentOf(s.user("user_1"), "Atlas");
        AgentPrincipal principal = s.ws.useCases.authenticateAgent().authenticate(atlas.apiKey().reveal());
        assertThat(principal.agentId()).isEqualTo(atlas.agent().id());
        assertThat(principal.status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void a_bad_checksum_is_refused_without_any_credential_lookup() {
        String key = s.agentOf(s.user("user_1"), "Atlas").apiKey().reveal();
        String forged = key.substring(0, 42) + (key.charAt(42) == 'a' ? 'b' : 'a');
        int before = s.ws.credentials.calls();
        for (String bad : new String[] {forged, null, "", "Bearer " + key, key.substring(1), "ak_short"}) {
            assertThatThrownBy(() -> s.ws.useCases.authenticateAgent().authenticate(bad))
                    .isInstanceOf(Unauthenticated.class);
        }
        assertThat(s.ws.credentials.calls()).isEqualTo(before);
    }

    @Test
    void a_well_formed_unknown_key_is_looked_up_and_refused() {
        String unknown = ApiKey.generate(new SecureRandom()).reveal();
        assertThatThrownBy(() -> s.ws.useCases.authenticateAgent().authenticate(unknown))
                .isInstanceOf(Unauthenticated.class).hasMessage("Unauthorized");
        assertThat(s.ws.credentials.calls()).isEqualTo(1);
    }

    @Test
    void a_regenerated_key_replaces_the_old_one_at_once() {
        UserPrincipal owner = s.user("user_1");
        NewAgent atlas = s.agentOf(owner, "Atlas");
        ApiKey fresh = s.ws.useCases.regenerateApiKey().regenerate(owner, atlas.agent().id().toString());
        assertThatThrownBy(() -> s.principalOf(atlas)).isInstanceOf(Unauthenticated.class);
        assertThat(s.ws.useCases.authenticateAgent().authenticate(fresh.reveal()).agentId()).isEqualTo(atlas.agent().id());
        assertThat(s.ws.db.storedKeyDigest(atlas.agent().id())).isEqualTo(fresh.digest());
    }

    @Test
    void a_verified_session_provisions_a_new_user() {
        String token = s.ws.sessions.issue("session-1", new UserId("user_new"));
        UserPrincipal user = s.ws.useCases.authenticateUser().authenticate(token);
        assertThat(user.userId()).isEqualTo(new UserId("user_new"));
        assertThat(s.ws.useCases.getCurrentUser().me(user).id()).isEqualTo(new UserId("user_new"));
    }

    @Test
    void bad_tokens_and_deleted_users_are_refused() {
        assertThatThrownBy(() -> s.ws.useCases.authenticateUser().authenticate("forged")).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> s.ws.useCases.authenticateUser().authenticate(null)).isInstanceOf(Unauthenticated.class);
        s.user("user_gone");
        String token = s.ws.sessions.issue("session-2", new UserId("user_gone"));
        s.ws.useCases.syncUsers().apply("msg_1", new UserChange.Delete(new UserId("user_gone")));
        assertThatThrownBy(() -> s.ws.useCases.authenticateUser().authenticate(token)).isInstanceOf(Unauthenticated.class);
    }
}

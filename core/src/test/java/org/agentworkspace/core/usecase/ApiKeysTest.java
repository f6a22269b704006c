package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.AuditAction;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.UserPrincipal;
import org.agentworkspace.core.port.in.KeyInput;
import org.agentworkspace.core.port.in.NewAgent;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final Scenario s = new Scenario();
    private final UserPrincipal owner = s.user("user_1");
    private final NewAgent atlas = s.agentOf(owner, "Atlas");
    private final String agentId = atlas.agent().id().toString();

    private IssuedKey create(String label, List<String> scopes, String expiresAt) {
        return s.ws.useCases.createApiKey().create(owner, agentId, new KeyInput(Field.ofNullable(label),
                Field.ofNullable(scopes), Field.ofNullable(expiresAt)));
    }

    private AgentPrincipal authenticate(ApiKey key) {
        return s.ws.useCases.authenticateAgent().authenticate(key.reveal());
    }

    private List<AuditAction> audit() {
        return s.ws.db.auditEntries().stream().map(AuditEntry::action).toList();
    }

    @Test
    void an_agent_starts_with_one_labelled_key_holding_every_scope() {
        List<AgentKey> keys = s.ws.useCases.listApiKeys().list(owner, agentId);
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.scopes()).isEqualTo(Scope.all());
            assertThat(k.label()).isEqualTo("Default key");
            assertThat(k.prefix()).isEqualTo(atlas.apiKey().reveal().substring(0, 8));
            assertThat(k.expiresAt()).isNull();
        });
        assertThat(authenticate(atlas.apiKey()).keyId()).isEqualTo(keys.get(0).id());
    }

    @Test
    void a_created_key_carries_its_label_scopes_and_expiry_into_the_principal() {
        IssuedKey ci = create("CI", List.of("events:read", "docs:read"), "2026-02-01T00:00:00+01:00");
        assertThat(ci.key().scopes()).containsExactlyInAnyOrder(Scope.EVENTS_READ, Scope.DOCS_READ);
        AgentPrincipal principal = authenticate(ci.secret());
        assertThat(principal.keyId()).isEqualTo(ci.key().id());
        assertThat(principal.keyLabel()).isEqualTo("CI");
        assertThat(principal.holds(Scope.EVENTS_READ)).isTrue();
        assertThat(principal.holds(Scope.EVENTS_WRITE)).isFalse();
        assertThat(principal.keyExpiresAt()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(s.ws.useCases.listApiKeys().list(owner, agentId)).hasSize(2);
        assertThat(audit()).contains(AuditAction.KEY_CREATED);
    }

    @Test
    void bad_key_fields_are_all_named() {
        assertThatThrownBy(() -> create("", List.of("events:read", "calendar:all"), "2020-01-01T00:00:00Z"))
                .isInstanceOfSatisfying(ValidationFailed.class, v -> assertThat(v.issues())
                        .extracting(i -> i.path()).containsExactly("label", "scopes", "expiresAt"));
        assertThatThrownBy(() -> create(null, List.of(), null)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> s.ws.useCases.rotateApiKey().rotate(owner, agentId,
                atlas.agent().id().toString(), Field.of(86_401L))).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void an_expired_key_is_refused_like_an_unknown_one_and_its_use_is_audited_once_a_minute() {
        IssuedKey shortLived = create("short", null, "2026-01-15T09:00:00Z");
        authenticate(shortLived.secret());
        s.ws.clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticate(shortLived.secret()))
                    .isInstanceOf(Unauthenticated.class).hasMessage("Unauthorized");
        }
        assertThat(audit().stream().filter(AuditAction.EXPIRED_KEY_USED::equals)).hasSize(1);
        s.ws.clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> authenticate(shortLived.secret())).isInstanceOf(Unauthenticated.class);
        assertThat(audit().stream().filter(AuditAction.EXPIRED_KEY_USED::equals)).hasSize(2);
        assertThat(authenticate(atlas.apiKey()).agentId()).isEqualTo(atlas.agent().id());
    }

    @Test
    void last_used_is_written_at_most_once_a_minute_per_key() {
        int before = s.ws.credentials.keyUseWrites();
        for (int i = 0; i < 20; i++) {
            authenticate(atlas.apiKey());
            s.ws.clock.advance(Duration.ofSeconds(2));
        }
        // 40 seconds of requests: the first wrote, the rest found a fresh value.
        assertThat(s.ws.credentials.keyUseWrites() - before).isEqualTo(1);
        s.ws.clock.advance(Duration.ofSeconds(30));
        authenticate(atlas.apiKey());
        assertThat(s.ws.credentials.keyUseWrites() - before).isEqualTo(2);
        assertThat(s.ws.useCases.listApiKeys().list(owner, agentId).get(0).lastUsedAt())
                .isEqualTo(s.ws.clock.instant());
    }

    @Test
    void rotation_keeps_the_key_and_lets_the_old_secret_work_exactly_for_the_grace() {
        AgentKey key = s.ws.useCases.listApiKeys().list(owner, agentId).get(0);
        IssuedKey rotated = s.ws.useCases.rotateApiKey().rotate(owner, agentId, key.id().toString(), Field.of(300L));
        assertThat(rotated.key().id()).isEqualTo(key.id());
        assertThat(rotated.key().prefix()).isEqualTo(rotated.secret().reveal().substring(0, 8));
        assertThat(authenticate(rotated.secret()).keyId()).isEqualTo(key.id());
        s.ws.clock.advance(Duration.ofSeconds(299));
        assertThat(authenticate(atlas.apiKey()).keyId()).isEqualTo(key.id());
        s.ws.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> authenticate(atlas.apiKey())).isInstanceOf(Unauthenticated.class);
        assertThat(authenticate(rotated.secret()).keyId()).isEqualTo(key.id());
        assertThat(audit()).contains(AuditAction.KEY_ROTATED);
    }

    @Test
    void rotation_without_grace_fails_the_old_secret_on_the_next_request() {
        AgentKey key = s.ws.useCases.listApiKeys().list(owner, agentId).get(0);
        IssuedKey rotated = s.ws.useCases.rotateApiKey().rotate(owner, agentId, key.id().toString(), Field.absent());
        assertThatThrownBy(() -> authenticate(atlas.apiKey())).isInstanceOf(Unauthenticated.class);
        assertThat(authenticate(rotated.secret()).keyId()).isEqualTo(key.id());
    }

    @Test
    void a_revoked_key_fails_at_once_and_other_keys_keep_working() {
        IssuedKey ci = create("CI", null, null);
        s.ws.useCases.revokeApiKey().revoke(owner, agentId, ci.key().id().toString());
        assertThatThrownBy(() -> authenticate(ci.secret())).isInstanceOf(Unauthenticated.class);
        assertThat(authenticate(atlas.apiKey()).agentId()).isEqualTo(atlas.agent().id());
        assertThatThrownBy(() -> s.ws.useCases.revokeApiKey().revoke(owner, agentId, ci.key().id().toString()))
                .isInstanceOf(NotFound.class);
        assertThat(audit()).contains(AuditAction.KEY_REVOKED);
    }

    @Test
    void regeneration_revokes_every_key_and_issues_one_with_every_scope() {
        IssuedKey ci = create("CI", List.of("events:read"), null);
        ApiKey fresh = s.ws.useCases.regenerateApiKey().regenerate(owner, agentId);
        assertThatThrownBy(() -> authenticate(ci.secret())).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> authenticate(atlas.apiKey())).isInstanceOf(Unauthenticated.class);
        assertThat(authenticate(fresh).scopes()).isEqualTo(Scope.all());
        assertThat(s.ws.useCases.listApiKeys().list(owner, agentId)).hasSize(1);
    }

    @Test
    void someone_elses_agent_or_key_is_not_found() {
        UserPrincipal mallory = s.user("user_mallory");
        assertThatThrownBy(() -> s.ws.useCases.listApiKeys().list(mallory, agentId)).isInstanceOf(NotFound.class);
        NewAgent other = s.agentOf(mallory, "Other");
        String foreignKey = s.ws.useCases.listApiKeys().list(mallory, other.agent().id().toString()).get(0).id().toString();
        assertThatThrownBy(() -> s.ws.useCases.revokeApiKey().revoke(owner, agentId, foreignKey))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> s.ws.useCases.rotateApiKey().rotate(owner, agentId, "not-a-uuid", Field.absent()))
                .isInstanceOf(NotFound.class);
        assertThat(authenticate(other.apiKey()).agentId()).isEqualTo(other.agent().id());
    }
}

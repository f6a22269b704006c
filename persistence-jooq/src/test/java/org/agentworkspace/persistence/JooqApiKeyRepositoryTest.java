package org.agentworkspace.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.ApiKeyId;
import org.agentworkspace.core.domain.Calendar;
import org.agentworkspace.core.domain.CalendarId;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.ownership.OwnerScope;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The api_keys adapter and the digest lookup on real PostgreSQL as the runtime role: many keys per
 * agent, scopes round-trip, revocation and rotation change what a digest finds, "last used" is a
 * conditional write, and a sibling agent's scope sees none of it.
 */
class JooqApiKeyRepositoryTest {
    private static final Instant T0 = KeyRows.T0;
    private final Ownership ownership = new Ownership();
    private final SecureRandom random = new SecureRandom();
    private JooqPersistence p;
    private AgentScope a;
    private AgentScope b;

    @BeforeEach
    void setUp() {
        TestDatabases.Database database = RuntimeRoleDatabases.fresh();
        p = JooqPersistence.create(database.runtimeDataSource());
        UserId userId = new UserId("user_1");
        p.transactions().inTransaction(() -> p.users().upsert(UserProfile.idOnly(userId), T0));
        OwnerScope owner = ownership.scopeFor(ownership.userPrincipal(userId));
        a = scopeOf(newAgent(owner, "A"));
        b = scopeOf(newAgent(owner, "B"));
    }

    private Agent newAgent(OwnerScope owner, String name) {
        Agent agent = new Agent(AgentId.random(), owner.userId(), name, null, ZoneId.of("UTC"), AgentStatus.ACTIVE, T0, T0);
        p.transactions().inTransaction(owner, () -> {
            p.agents().insert(owner, agent, new Calendar(CalendarId.random(), agent.id(), T0));
            return null;
        });
        return agent;
    }

    private AgentScope scopeOf(Agent agent) {
        return ownership.scopeFor(ownership.agentPrincipal(new AgentCredential(agent.id(), AgentStatus.ACTIVE), T0),
                Scope.EVENTS_WRITE);
    }

    private <T> T in(AgentScope scope, Supplier<T> work) {
        return p.transactions().inTransaction(scope, work);
    }

    private Optional<AgentCredential> lookup(ApiKey key) {
        return p.transactions().inSingleStatement(() -> p.credentials().agentByKeyDigest(key.digest()));
    }

    private AgentKey key(AgentScope scope, String label, EnumSet<Scope> scopes, Instant expiresAt, ApiKey secret) {
        AgentKey key = new AgentKey(ApiKeyId.random(), scope.agentId(), label, scopes, secret.reveal().substring(0, 8),
                expiresAt, T0, null);
        in(scope, () -> {
            p.apiKeys().insert(scope, key, secret.digest());
            return null;
        });
        return key;
    }

    @Test
    void an_agent_holds_several_keys_and_each_digest_finds_its_own_with_its_scopes() {
        ApiKey first = ApiKey.generate(random);
        ApiKey second = ApiKey.generate(random);
        AgentKey research = key(a, "research", EnumSet.of(Scope.EVENTS_READ, Scope.DOCS_READ), null, first);
        AgentKey ci = key(a, "ci", EnumSet.of(Scope.WEBHOOKS_MANAGE), T0.plusSeconds(3600), second);

        assertThat(in(a, () -> p.apiKeys().list(a))).containsExactly(research, ci);
        assertThat(lookup(first)).hasValueSatisfying(c -> {
            assertThat(c.agentId()).isEqualTo(a.agentId());
            assertThat(c.keyId()).isEqualTo(research.id());
            assertThat(c.label()).isEqualTo("research");
            assertThat(c.scopes()).containsExactlyInAnyOrder(Scope.EVENTS_READ, Scope.DOCS_READ);
            assertThat(c.expiresAt()).isNull();
            assertThat(c.previousValidUntil()).isNull();
        });
        assertThat(lookup(second)).map(AgentCredential::expiresAt).contains(T0.plusSeconds(3600));
        assertThat(in(b, () -> p.apiKeys().list(b))).isEmpty();
        assertThat(in(b, () -> p.apiKeys().find(b, ci.id()))).isEmpty();
    }

    @Test
    void a_revoked_key_matches_nothing_and_a_sibling_cannot_revoke_it() {
        ApiKey secret = ApiKey.generate(random);
        AgentKey key = key(a, "x", EnumSet.allOf(Scope.class), null, secret);
        Instant at = T0.plusSeconds(5);
        assertThat(in(b, () -> p.apiKeys().revoke(b, key.id(), at))).isFalse();
        assertThat(lookup(secret)).isPresent();
        assertThat(in(a, () -> p.apiKeys().revoke(a, key.id(), at))).isTrue();
        assertThat(lookup(secret)).isEmpty();
        assertThat(in(a, () -> p.apiKeys().list(a))).isEmpty();
        assertThat(in(a, () -> p.apiKeys().revoke(a, key.id(), at))).isFalse();
    }

    @Test
    void a_rotation_with_grace_keeps_the_old_digest_until_its_deadline_and_without_grace_drops_it() {
        ApiKey old = ApiKey.generate(random);
        AgentKey key = key(a, "x", EnumSet.allOf(Scope.class), null, old);
        ApiKey next = ApiKey.generate(random);
        Instant deadline = T0.plusSeconds(60);
        assertThat(in(b, () -> p.apiKeys().rotate(b, key.id(), next.digest(), "ak_next0", deadline))).isEmpty();
        AgentKey rotated = in(a, () -> p.apiKeys().rotate(a, key.id(), next.digest(), "ak_next0", deadline)).orElseThrow();
        assertThat(rotated.id()).isEqualTo(key.id());
        assertThat(rotated.prefix()).isEqualTo("ak_next0");
        assertThat(lookup(next)).hasValueSatisfying(c -> assertThat(c.previousValidUntil()).isNull());
        assertThat(lookup(old)).map(AgentCredential::previousValidUntil).contains(deadline);

        ApiKey third = ApiKey.generate(random);
        in(a, () -> p.apiKeys().rotate(a, key.id(), third.digest(), "ak_third", null));
        assertThat(lookup(old)).isEmpty();
        assertThat(lookup(next)).isEmpty();
        assertThat(lookup(third)).map(AgentCredential::keyId).contains(key.id());
    }

    @Test
    void replace_all_revokes_every_live_key_in_the_same_commit() {
        ApiKey one = ApiKey.generate(random);
        ApiKey two = ApiKey.generate(random);
        key(a, "one", EnumSet.allOf(Scope.class), null, one);
        key(a, "two", EnumSet.allOf(Scope.class), null, two);
        ApiKey fresh = ApiKey.generate(random);
        AgentKey only = KeyRows.key(a);
        in(a, () -> {
            p.apiKeys().replaceAll(a, only, fresh.digest(), T0.plusSeconds(1));
            return null;
        });
        assertThat(lookup(one)).isEmpty();
        assertThat(lookup(two)).isEmpty();
        assertThat(lookup(fresh)).map(AgentCredential::keyId).contains(only.id());
        assertThat(in(a, () -> p.apiKeys().list(a))).containsExactly(only);
    }

    @Test
    void last_use_is_written_only_when_the_stored_one_is_older_than_the_bound() {
        ApiKey secret = ApiKey.generate(random);
        AgentKey key = key(a, "x", EnumSet.allOf(Scope.class), null, secret);
        Instant first = T0.plusSeconds(10);
        assertThat(p.transactions().inSingleStatement(() -> p.credentials().recordKeyUse(key.id(), first, T0)))
                .isTrue();
        assertThat(p.transactions().inSingleStatement(
                () -> p.credentials().recordKeyUse(key.id(), first.plusSeconds(30), first.minusSeconds(30)))).isFalse();
        assertThat(lookup(secret)).map(AgentCredential::lastUsedAt).contains(first);
        Instant later = first.plusSeconds(61);
        assertThat(p.transactions().inSingleStatement(
                () -> p.credentials().recordKeyUse(key.id(), later, later.minusSeconds(60)))).isTrue();
        assertThat(in(a, () -> p.apiKeys().list(a))).singleElement()
                .extracting(AgentKey::lastUsedAt).isEqualTo(later);
    }
}

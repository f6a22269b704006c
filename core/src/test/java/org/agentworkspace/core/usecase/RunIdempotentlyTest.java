package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.agentworkspace.core.builders.Scenario;
import org.agentworkspace.core.domain.Conflict;
import org.agentworkspace.core.domain.IdempotencyMismatch;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.IdempotentRequest;
import org.agentworkspace.core.port.in.RunIdempotently.Outcome;
import org.junit.jupiter.api.Test;

class RunIdempotentlyTest {
    private final Scenario s = new Scenario();
    private final AgentPrincipal atlas = s.principalOf(s.agentOf(s.user("user_alice"), "Atlas"));
    private final AgentPrincipal other = s.principalOf(s.agentOf(s.user("user_bob"), "Other"));
    private final AtomicInteger runs = new AtomicInteger();
    private final Supplier<StoredResponse> write =
            () -> new StoredResponse(201, Map.of("Location", "/x"), "{\"n\":" + runs.incrementAndGet() + "}");

    @Test
    void the_first_call_runs_and_a_repeat_replays() {
        Outcome first = s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "POST /e #1"), write);
        Outcome again = s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "POST /e #1"), write);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(runs).hasValue(1);
    }

    @Test
    void keys_are_per_agent_and_expire() {
        s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "f"), write);
        assertThat(s.ws.useCases.runIdempotently().run(other, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "f"), write).replayed()).isFalse();
        s.ws.clock.advance(Duration.ofHours(24));
        assertThat(s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "f"), write).replayed()).isFalse();
        assertThat(runs).hasValue(3);
    }

    @Test
    void another_body_with_the_same_key_is_a_mismatch() {
        s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "body A"), write);
        assertThatThrownBy(() -> s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "body B"), write))
                .isInstanceOf(IdempotencyMismatch.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_key_in_use_is_a_conflict() {
        s.ws.idempotency.lockedElsewhere(atlas.agentId(), "k1");
        assertThatThrownBy(() -> s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "f"), write))
                .isInstanceOf(Conflict.class)
                .hasMessage("A request with this Idempotency-Key is still in progress; retry later");
        assertThat(runs).hasValue(0);
    }

    @Test
    void a_failing_write_leaves_no_record() {
        assertThatThrownBy(() -> s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "f"),
                () -> { throw ValidationFailed.of("title", "title is required"); })).isInstanceOf(ValidationFailed.class);
        assertThat(s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("k1", "f"), write).replayed()).isFalse();
    }

    @Test
    void bad_keys_are_refused_under_the_header_name() {
        for (String key : new String[] {"", "x".repeat(256), "new\nline"}) {
            assertThatThrownBy(() -> s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest(key, "f"), write))
                    .isInstanceOfSatisfying(ValidationFailed.class,
                            e -> assertThat(e.issues().get(0).path()).isEqualTo("Idempotency-Key"));
        }
        assertThat(s.ws.useCases.runIdempotently().run(atlas, Scope.EVENTS_WRITE, new IdempotentRequest("x".repeat(255), "f"), write)
                .replayed()).isFalse();
    }
}

package org.agentworkspace.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.port.out.IdempotencyRecord;
import org.junit.jupiter.api.Test;

/** {@link org.agentworkspace.core.port.out.IdempotencyRepository}: every backend keeps these promises. */
public abstract class IdempotencyRepositoryContract extends PortContract {

    private static IdempotencyRecord record(String key) {
        return new IdempotencyRecord(key, "fingerprint", new StoredResponse(201, Map.of(), "{}"), T0,
                T0.plusSeconds(3600));
    }

    @Test
    public void aSavedResponseIsFoundUntilItExpires() {
        IdempotencyRecord saved = record("key-1");
        run(a, () -> {
            assertThat(ports.idempotency().tryLock(a, "key-1")).isTrue();
            ports.idempotency().save(a, saved);
        });
        assertThat(in(a, () -> ports.idempotency().find(a, "key-1", T0.plusSeconds(60)))).contains(saved);
        assertThat(in(a, () -> ports.idempotency().find(a, "key-1", T0.plusSeconds(3600)))).isEmpty();
    }

    @Test
    public void scopeBCannotSeeOrReplayAsResponseUnderTheSameKey() {
        run(a, () -> ports.idempotency().save(a, record("shared-key")));
        assertThat(in(b, () -> ports.idempotency().find(b, "shared-key", T0.plusSeconds(60)))).isEmpty();
        IdempotencyRecord ofB = new IdempotencyRecord("shared-key", "other", new StoredResponse(200, Map.of(), "[]"),
                T0, T0.plusSeconds(3600));
        run(b, () -> ports.idempotency().save(b, ofB));
        assertThat(in(b, () -> ports.idempotency().find(b, "shared-key", T0.plusSeconds(60)))).contains(ofB);
        assertThat(in(a, () -> ports.idempotency().find(a, "shared-key", T0.plusSeconds(60))))
                .contains(record("shared-key"));
    }

    @Test
    public void aFailureRollsTheWritesBack() {
        failAfter(a, () -> ports.idempotency().save(a, record("lost")));
        assertThat(in(a, () -> ports.idempotency().find(a, "lost", T0.plusSeconds(60)))).isEmpty();
    }
}

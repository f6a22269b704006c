package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.WebhookEventType;
import org.agentworkspace.core.domain.WebhookId;
import org.agentworkspace.core.domain.WebhookMessage;
import org.agentworkspace.core.domain.WebhookSecret;
import org.agentworkspace.core.domain.WebhookSignature;
import org.agentworkspace.core.fakes.InMemoryDatabase;
import org.agentworkspace.core.fakes.InMemoryTransactions;
import org.agentworkspace.core.fakes.MutableClock;
import org.agentworkspace.core.port.in.DeliverWebhooks;
import org.agentworkspace.core.port.out.WebhookOutbox;
import org.agentworkspace.core.port.out.WebhookTransport;
import org.junit.jupiter.api.Test;

/** The sender's step: signed headers, the contract's retry schedule, the end of retries, success. */
class DeliverWebhooksTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    private final List<Recorded> recorded = new ArrayList<>();
    private final List<Map<String, String>> sentHeaders = new ArrayList<>();
    private int attempt;
    private int answer = 500;

    record Recorded(UUID id, Integer status, boolean succeeded, Instant next) {
    }

    private final WebhookOutbox outbox = new WebhookOutbox() {
        @Override
        public List<WebhookMessage> claim(Instant now, Duration lease, int limit) {
            return List.of(new WebhookMessage(new UUID(0, 7), AgentId.random(), WebhookId.random(),
                    URI.create("https://hooks.example.com/in"), secret, WebhookEventType.EVENT_DELETED, new UUID(0, 9),
                    Optional.empty(), Optional.empty(), T0, attempt));
        }

        @Override
        public boolean record(UUID id, Instant now, Integer status, boolean succeeded, Instant next, Duration off) {
            recorded.add(new Recorded(id, status, succeeded, next));
            return false;
        }

        @Override
        public int purgeFinished(Instant before, int limit) {
            return 0;
        }

        @Override
        public long pending() {
            return 1;
        }
    };

    private final WebhookTransport transport = (url, headers, body) -> {
        sentHeaders.add(headers);
        return new WebhookTransport.Outcome(answer, null);
    };

    private final DeliverWebhooks deliver = new DeliverWebhooksService(new InMemoryTransactions(new InMemoryDatabase()), outbox,
            (before, limit) -> 0, message -> "{\"type\":\"" + message.type().wireName() + "\"}", transport,
            SyncSettings.defaults(new byte[32]), clock);

    @Test
    void eachFailedAttemptSchedulesTheContractsNextDelayAndTheEighthEndsIt() {
        List<Duration> expected = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        for (int n = 1; n <= 8; n++) {
            attempt = n;
            DeliverWebhooks.Report report = deliver.deliverDue();
            assertThat(report.failed()).isEqualTo(1);
        }
        for (int n = 0; n < 7; n++) {
            assertThat(recorded.get(n).next()).isEqualTo(T0.plus(expected.get(n)));
        }
        assertThat(recorded.get(7).next()).as("no retry after the eighth attempt: failed").isNull();
    }

    @Test
    void aSuccessIsRecordedWithoutNextAttemptAndTheHeadersAreSigned() {
        attempt = 1;
        answer = 204;
        DeliverWebhooks.Report report = deliver.deliverDue();

        assertThat(report).isEqualTo(new DeliverWebhooks.Report(1, 1, 0, 0));
        assertThat(recorded).containsExactly(new Recorded(new UUID(0, 7), 204, true, null));
        Map<String, String> headers = sentHeaders.get(0);
        assertThat(headers).containsEntry("webhook-id", new UUID(0, 7).toString())
                .containsEntry("webhook-timestamp", Long.toString(T0.getEpochSecond()))
                .containsEntry("Content-Type", "application/json");
        assertThat(headers.get("webhook-signature")).isEqualTo(WebhookSignature.sign(secret,
                new UUID(0, 7).toString(), T0.getEpochSecond(), "{\"type\":\"event.deleted\"}"));
    }
}

package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /api/webhooks/clerk} with deliveries signed by the Svix library, checked in the database. */
class ClerkWebhookIT extends OnItStack {

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String firstNameOf(String userId) {
        return String.valueOf(stack.rows("select first_name from users where id = ?", userId).get(0).get("first_name"));
    }

    @Test
    void userCreatedAndUpdatedUpsertTheUser() {
        Reply created = stack.deliver(ItStack.newDeliveryId(), now(),
                ItStack.userCreated("user_hook1", "one@example.org", "Zoë"));
        Reply updated = stack.deliver(ItStack.newDeliveryId(), now(),
                ItStack.userCreated("user_hook1", "two@example.org", "Zoe").replace("user.created", "user.updated"));

        assertThat(created.statusAndBody()).isEqualTo("200 {\"received\":true,\"outcome\":\"applied\"}");
        assertThat(updated.status()).isEqualTo(200);
        Map<String, Object> row = stack.rows("select email, first_name from users where id = 'user_hook1'").get(0);
        assertThat(row).containsEntry("email", "two@example.org").containsEntry("first_name", "Zoe");
        Reply me = stack.get("/api/dashboard/me", ItStack.session("user_hook1"));
        assertThat(me.json().path("user").path("email").asText()).isEqualTo("two@example.org");
    }

    static Stream<Arguments> badDeliveries() {
        String payload = ItStack.userCreated("user_bad", "bad@example.org", "Bad");
        String id = "msg_bad";
        long now = Instant.now().getEpochSecond();
        String otherSecret = ItStack.newWebhookSecret();
        return Stream.of(
                Arguments.of("signed with another secret", id, Long.toString(now),
                        ItStack.signature(otherSecret, id, now, payload), payload),
                Arguments.of("body changed after signing", id, Long.toString(now), null,
                        payload.replace("Bad", "Evil")),
                Arguments.of("signature of another id", id, Long.toString(now), "other-id", payload),
                Arguments.of("missing svix-signature", id, Long.toString(now), "", payload),
                Arguments.of("missing svix-id", null, Long.toString(now), null, payload),
                Arguments.of("missing svix-timestamp", id, null, null, payload),
                Arguments.of("stale timestamp", id, Long.toString(now - 6 * 60), null, payload),
                Arguments.of("future timestamp", id, Long.toString(now + 6 * 60), null, payload),
                Arguments.of("garbage timestamp", id, "soon", null, payload));
    }

    /** {@code signature} null: a correct signature for the payload as signed; "" sends none. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badDeliveries")
    void refusedDeliveriesAre400AndChangeNothing(String why, String id, String timestamp, String signature,
                                                 String payload) {
        String signedPayload = ItStack.userCreated("user_bad", "bad@example.org", "Bad");
        String header;
        if (signature == null) {
            long ts = timestamp == null || !timestamp.matches("\\d+") ? now() : Long.parseLong(timestamp);
            header = stack.signature(id == null ? "msg_bad" : id, ts, signedPayload);
        } else if (signature.equals("other-id")) {
            header = stack.signature("msg_other", Long.parseLong(timestamp), payload);
        } else {
            header = signature.isEmpty() ? null : signature;
        }
        Map<String, Long> before = stack.tableCounts();

        Reply reply = stack.deliver(id, timestamp, header, payload);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isNotBlank();
        assertThat(stack.tableCounts()).isEqualTo(before);
        assertThat(stack.count("select count(*) from users where id = 'user_bad'")).isZero();
    }

    @Test
    void aRedeliveredIdIsAcknowledgedButNotAppliedAgain() {
        String first = ItStack.newDeliveryId();
        String payload = ItStack.userCreated("user_replay", "r@example.org", "First");
        assertThat(stack.deliver(first, now(), payload).status()).isEqualTo(200);
        assertThat(stack.deliver(ItStack.newDeliveryId(), now(),
                ItStack.userCreated("user_replay", "r@example.org", "Second")).status()).isEqualTo(200);

        Reply again = stack.deliver(first, now(), payload);

        assertThat(again.statusAndBody()).isEqualTo("200 {\"received\":true,\"outcome\":\"duplicate\"}");
        assertThat(firstNameOf("user_replay")).isEqualTo("Second");
        assertThat(stack.count("select count(*) from processed_webhooks where delivery_id = ?", first)).isEqualTo(1);
    }

    @Test
    void twoConcurrentCopiesOfADeliveryAreAppliedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = ItStack.newDeliveryId();
            String payload = ItStack.userCreated("user_concurrent" + round, "c@example.org", "C");
            long ts = now();
            String signature = stack.signature(id, ts, payload);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Reply>> copies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                copies.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        if (!go.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return stack.deliver(id, Long.toString(ts), signature, payload);
                }));
            }
            go.countDown();

            List<String> answers = new ArrayList<>();
            for (CompletableFuture<Reply> copy : copies) {
                answers.add(copy.get(60, java.util.concurrent.TimeUnit.SECONDS).statusAndBody());
            }
            assertThat(answers).containsExactlyInAnyOrder("200 {\"received\":true,\"outcome\":\"applied\"}",
                    "200 {\"received\":true,\"outcome\":\"duplicate\"}");
            assertThat(stack.count("select count(*) from processed_webhooks where delivery_id = ?", id)).isEqualTo(1);
        }
    }

    @Test
    void otherEventTypesAreAcknowledgedAndIgnored() {
        Map<String, Long> before = stack.tableCounts();

        Reply reply = stack.deliver(ItStack.newDeliveryId(), now(),
                "{\"type\":\"session.created\",\"object\":\"event\",\"data\":{\"id\":\"sess_1\",\"user_id\":\"user_x\"}}");

        assertThat(reply.statusAndBody()).isEqualTo("200 {\"received\":true,\"outcome\":\"ignored\"}");
        Map<String, Long> after = stack.tableCounts();
        after.remove("processed_webhooks");
        before.remove("processed_webhooks");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void overLongProfileValuesAreStoredWithinTheSchemasLimitsInsteadOfFailing() {
        String payload = "{\"type\":\"user.created\",\"data\":{\"id\":\"user_long\",\"primary_email_address_id\":\"e1\","
                + "\"email_addresses\":[{\"id\":\"e1\",\"email_address\":\"" + "a".repeat(400) + "@example.org\"}],"
                + "\"first_name\":\"" + "F".repeat(300) + "\",\"last_name\":\"" + "L".repeat(201) + "\","
                + "\"image_url\":\"https://img.example/" + "i".repeat(3000) + "\"}}";

        Reply reply = stack.deliver(ItStack.newDeliveryId(), now(), payload);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> row = stack.rows("select * from users where id = 'user_long'").get(0);
        assertThat(row.get("email")).isNull();
        assertThat(row.get("image_url")).isNull();
        assertThat(row.get("first_name")).isEqualTo("F".repeat(200));
        assertThat(row.get("last_name")).isEqualTo("L".repeat(200));
    }

    @Test
    void userDeletedRemovesEverythingTheUserOwns() {
        ItStack.NewAgent doomed = stack.newUserWithAgent("user_doomed", "Doomed");
        ItStack.NewAgent bystander = stack.newUserWithAgent("user_bystander", "Stays");
        String second = stack.call("POST", "/api/dashboard/agents", doomed.session(), "{\"name\":\"Second\"}")
                .json().path("agent").path("id").asText();
        assertThat(stack.call("POST", "/api/v1/events", doomed.apiKey(),
                "{\"title\":\"x\",\"start\":\"2026-01-01T09:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}",
                "Idempotency-Key", "k").status()).isEqualTo(201);
        assertThat(stack.call("POST", "/api/v1/docs", doomed.apiKey(), "{\"title\":\"d\"}").status()).isEqualTo(201);
        assertThat(stack.get(doomed.feedPath(), null).status()).isEqualTo(200);
        Map<String, List<Map<String, Object>>> bystanderBefore = stack.snapshotOfAgent(bystander.agentId());

        Reply reply = stack.deliver(ItStack.newDeliveryId(), now(), ItStack.userDeleted("user_doomed"));

        assertThat(reply.statusAndBody()).isEqualTo("200 {\"received\":true,\"outcome\":\"applied\"}");
        for (String agentId : List.of(doomed.agentId(), second)) {
            stack.snapshotOfAgent(agentId).forEach((table, rows) -> assertThat(rows).as(table).isEmpty());
        }
        assertThat(stack.count("select count(*) from users where id = 'user_doomed'")).isZero();
        assertThat(stack.count("select count(*) from user_tombstones where id = 'user_doomed'")).isEqualTo(1);
        assertThat(stack.count("select count(*) from agents where owner_id = 'user_doomed'")).isZero();
        assertThat(stack.get("/api/v1/me", doomed.apiKey()).status()).isEqualTo(401);
        Reply feed = stack.get(doomed.feedPath(), null);
        assertThat(feed.status()).isEqualTo(404);
        assertThat(feed.statusAndBody()).isEqualTo(stack.get("/api/cal/" + UUID.randomUUID() + "/"
                + "a".repeat(32) + ".ics", null).statusAndBody());
        assertThat(stack.snapshotOfAgent(bystander.agentId())).isEqualTo(bystanderBefore);
        assertThat(stack.get("/api/v1/me", bystander.apiKey()).status()).isEqualTo(200);

        Reply deletedAgain = stack.deliver(ItStack.newDeliveryId(), now(), ItStack.userDeleted("user_doomed"));
        assertThat(deletedAgain.status()).as("deleting an unknown user is no error").isEqualTo(200);
        assertThat(stack.get("/api/dashboard/me", ItStack.session("user_doomed")).status())
                .as("a fresh session of the deleted user").isEqualTo(401);
    }
}

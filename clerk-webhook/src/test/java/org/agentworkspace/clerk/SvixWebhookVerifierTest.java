package org.agentworkspace.clerk;

import static org.agentworkspace.clerk.Deliveries.nowPlus;
import static org.agentworkspace.clerk.Deliveries.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.domain.WebhookRejected;
import org.agentworkspace.core.port.in.UserChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvixWebhookVerifierTest {

    private static final String ID = "msg_2abcDEFghiJKLmnoPQRstuVWxyz";

    private final String secret = Deliveries.newSecret();
    private final SvixWebhookVerifier verifier = new SvixWebhookVerifier(secret);

    private ClerkDelivery deliver(String payload) {
        long timestamp = nowPlus(Duration.ZERO);
        return verifier.verify(payload.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp),
                Deliveries.sign(secret, ID, timestamp, payload));
    }

    @Test
    void userCreatedBecomesAnUpsertWithThePrimaryEmail() {
        ClerkDelivery delivery = deliver(payload("user.created"));

        assertThat(delivery.deliveryId()).isEqualTo(ID);
        assertThat(delivery.change()).isEqualTo(new UserChange.Upsert(new UserProfile(
                new UserId("user_29w83sxmDNGwOuEthce5gg56FcC"), "zoë@example.org", "Zoë", "Example",
                "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9")));
    }

    @Test
    void userUpdatedBecomesAnUpsertWithUnknownFieldsAsNull() {
        assertThat(deliver(payload("user.updated")).change()).isEqualTo(new UserChange.Upsert(new UserProfile(
                new UserId("user_29w83sxmDNGwOuEthce5gg56FcC"), "renamed@example.org", "Renamed", null,
                "https://img.clerk.com/xxxxxx")));
    }

    @Test
    void userDeletedBecomesADelete() {
        assertThat(deliver(payload("user.deleted")).change())
                .isEqualTo(new UserChange.Delete(new UserId("user_29wBMCtzATuFJut8jO2VNTVekS4")));
    }

    @Test
    void otherEventTypesAreIgnored() {
        assertThat(deliver(payload("session.created")).change()).isEqualTo(new UserChange.Ignore("session.created"));
    }

    @Test
    void aUserWithoutPrimaryEmailHasNoEmail() {
        String payload = "{\"type\":\"user.created\",\"data\":{\"id\":\"user_1\",\"primary_email_address_id\":null,"
                + "\"email_addresses\":[{\"id\":\"idn_1\",\"email_address\":\"a@example.org\"}]}}";

        assertThat(deliver(payload).change()).isEqualTo(new UserChange.Upsert(UserProfile.idOnly(new UserId("user_1"))));
    }

    @Test
    void overLongProfileValuesAreDroppedOrCutToWhatTheUsersTableHolds() {
        String email = "a".repeat(315) + "@x.org";
        String first = "\uD83D\uDE00".repeat(250);
        String last = "L".repeat(200);
        String image = "https://img.example/" + "i".repeat(2000);
        String payload = "{\"type\":\"user.updated\",\"data\":{\"id\":\"user_1\",\"primary_email_address_id\":\"e1\","
                + "\"email_addresses\":[{\"id\":\"e1\",\"email_address\":\"" + email + "\"}],"
                + "\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\",\"image_url\":\"" + image + "\"}}";

        assertThat(deliver(payload).change()).isEqualTo(new UserChange.Upsert(new UserProfile(
                new UserId("user_1"), null, "\uD83D\uDE00".repeat(200), last, null)));
    }

    @Test
    void profileValuesAtTheLimitsAreKeptWhole() {
        String email = "a".repeat(314) + "@x.org";
        String image = "https://img.example/" + "i".repeat(1980);
        String payload = "{\"type\":\"user.created\",\"data\":{\"id\":\"user_1\",\"primary_email_address_id\":\"e1\","
                + "\"email_addresses\":[{\"id\":\"e1\",\"email_address\":\"" + email + "\"}],"
                + "\"first_name\":\"" + "F".repeat(200) + "\",\"image_url\":\"" + image + "\"}}";

        assertThat(deliver(payload).change()).isEqualTo(new UserChange.Upsert(new UserProfile(
                new UserId("user_1"), email, "F".repeat(200), null, image)));
    }

    @Test
    void theSignatureIsCheckedOverTheBytesAsReceived() {
        // Odd spacing, key order and escapes that any re-serialisation would change.
        String payload = "{ \"type\" : \"user.deleted\",\n\t\"data\":{\"object\":\"user\",\"id\":\"user_\\u0041\"} }";

        assertThat(deliver(payload).change()).isEqualTo(new UserChange.Delete(new UserId("user_A")));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String payload = payload("user.created");
        long timestamp = nowPlus(Duration.ZERO);
        String forged = Deliveries.sign(Deliveries.newSecret(), ID, timestamp, payload);

        assertRejected(payload.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp), forged,
                "Invalid webhook signature");
    }

    @Test
    void aTamperedBodyIsRefused() {
        String payload = payload("user.created");
        long timestamp = nowPlus(Duration.ZERO);
        String signature = Deliveries.sign(secret, ID, timestamp, payload);
        String tampered = payload.replace("zoë@example.org", "attacker@example.org");

        assertRejected(tampered.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp), signature,
                "Invalid webhook signature");
    }

    @Test
    void anotherDeliveryIdIsPartOfTheSignature() {
        String payload = payload("user.created");
        long timestamp = nowPlus(Duration.ZERO);
        String signature = Deliveries.sign(secret, ID, timestamp, payload);

        assertRejected(payload.getBytes(StandardCharsets.UTF_8), "msg_other", Long.toString(timestamp), signature,
                "Invalid webhook signature");
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        // During a secret rotation Svix sends one signature per secret.
        String payload = payload("user.deleted");
        long timestamp = nowPlus(Duration.ZERO);
        String header = Deliveries.sign(Deliveries.newSecret(), ID, timestamp, payload)
                + " " + Deliveries.sign(secret, ID, timestamp, payload);

        assertThat(verifier.verify(payload.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp), header)
                .change()).isInstanceOf(UserChange.Delete.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"svix-id", "svix-timestamp", "svix-signature"})
    void eachMissingHeaderIsNamed(String missing) {
        String payload = payload("user.created");
        long timestamp = nowPlus(Duration.ZERO);
        String signature = Deliveries.sign(secret, ID, timestamp, payload);

        assertRejected(payload.getBytes(StandardCharsets.UTF_8),
                missing.equals("svix-id") ? null : ID,
                missing.equals("svix-timestamp") ? "" : Long.toString(timestamp),
                missing.equals("svix-signature") ? null : signature,
                "Missing " + missing + " header");
    }

    @Test
    void aTimestampSixMinutesOldIsRefused() {
        assertOutsideTolerance(Duration.ofMinutes(-6));
    }

    @Test
    void aTimestampSixMinutesAheadIsRefused() {
        assertOutsideTolerance(Duration.ofMinutes(6));
    }

    @Test
    void aTimestampFourMinutesOldIsAccepted() {
        String payload = payload("user.deleted");
        long timestamp = nowPlus(Duration.ofMinutes(-4));

        assertThat(verifier.verify(payload.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp),
                Deliveries.sign(secret, ID, timestamp, payload)).change()).isInstanceOf(UserChange.Delete.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "-9223372036854775808", "1.5e9"})
    void aTimestampThatIsNotEpochSecondsIsRefused(String timestamp) {
        assertRejected(payload("user.deleted").getBytes(StandardCharsets.UTF_8), ID, timestamp, "v1,AAAA",
                timestamp.startsWith("-") ? "Webhook timestamp outside tolerance" : "Invalid svix-timestamp header");
    }

    @Test
    void aBodyOverTheLimitIsRefusedEvenWhenSigned() {
        String payload = pad(payload("user.deleted"), SvixWebhookVerifier.MAX_BODY_BYTES + 1);
        long timestamp = nowPlus(Duration.ZERO);

        assertRejected(payload.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp),
                Deliveries.sign(secret, ID, timestamp, payload), "Webhook body too large");
    }

    @Test
    void aBodyExactlyAtTheLimitIsAccepted() {
        String payload = pad(payload("user.deleted"), SvixWebhookVerifier.MAX_BODY_BYTES);

        assertThat(deliver(payload).change()).isInstanceOf(UserChange.Delete.class);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] body = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        long timestamp = nowPlus(Duration.ZERO);

        assertRejected(body, ID, Long.toString(timestamp), "v1,AAAA", "Webhook body is not UTF-8");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> deliver("not json")).isInstanceOf(WebhookRejected.class)
                .hasMessage("Webhook payload is not JSON");
    }

    @Test
    void aSignedUserEventWithoutUserIdIsRefused() {
        assertThatThrownBy(() -> deliver("{\"type\":\"user.created\",\"data\":{\"first_name\":\"X\"}}"))
                .isInstanceOf(WebhookRejected.class).hasMessage("Webhook payload has no valid user id");
        assertThatThrownBy(() -> deliver("{\"type\":\"user.deleted\"}"))
                .isInstanceOf(WebhookRejected.class).hasMessage("Webhook payload has no data object");
        assertThatThrownBy(() -> deliver("{\"data\":{\"id\":\"user_1\"}}"))
                .isInstanceOf(WebhookRejected.class).hasMessage("Webhook payload has no type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sk_test_abcdef", "whsec_", "whsec_!!!not-base64"})
    void aSecretThatIsNotWhsecBase64IsRefusedWithoutRepeatingIt(String bad) {
        assertThatThrownBy(() -> new SvixWebhookVerifier(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLERK_WEBHOOK_SIGNING_SECRET")
                .satisfies(e -> {
                    // The bare prefix is part of the message itself; anything longer must not be.
                    if (bad.length() > "whsec_".length()) {
                        assertThat(e.getMessage()).doesNotContain(bad);
                    }
                });
    }

    private void assertOutsideTolerance(Duration offset) {
        String payload = payload("user.created");
        long timestamp = nowPlus(offset);

        assertRejected(payload.getBytes(StandardCharsets.UTF_8), ID, Long.toString(timestamp),
                Deliveries.sign(secret, ID, timestamp, payload), "Webhook timestamp outside tolerance");
    }

    private void assertRejected(byte[] body, String id, String timestamp, String signature, String reason) {
        assertThatThrownBy(() -> verifier.verify(body, id, timestamp, signature))
                .isInstanceOf(WebhookRejected.class)
                .hasMessage(reason);
    }

    /** The JSON payload followed by spaces up to exactly {@code bytes} UTF-8 bytes. */
    private static String pad(String json, int bytes) {
        int current = json.getBytes(StandardCharsets.UTF_8).length;
        return json + " ".repeat(bytes - current);
    }
}

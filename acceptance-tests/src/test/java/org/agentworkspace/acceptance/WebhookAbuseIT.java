package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hostile Clerk webhook deliveries: forged signatures, no signature, stale and future timestamps,
 * oversized bodies, captured valid deliveries replayed one by one and all at once, and — correctly
 * signed, as from a leaked secret or a confused sender — hostile payloads: over the webhook's own size
 * limit, NUL characters, nesting deeper than any parser should follow, and fields of the wrong type.
 * None gets a 5xx; every rejected one is a 4xx in the contract's shape; every user row (and tombstone)
 * must be exactly as the legitimate deliveries alone left it.
 */
class WebhookAbuseIT {
    private static final String PATH = "/api/webhooks/clerk";
    private final SharedStack stack = SharedStack.get();
    private final Api api = stack.api;
    private final String forgedSecret = new Clerk().webhookSecret();

    @Test
    void abusiveDeliveriesCreateAndChangeNoUserRow() throws Exception {
        Tenant victim = Tenant.create(api, stack.clerk, "hooked");
        String newcomer = "user_forged_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();

        // A legitimate update the attacker captured on the wire, and the owner's later one.
        String captured = updated(victim.userId(), "Captured");
        assertThat(deliver("msg_captured", now, captured, stack.clerk.webhookSecret()).status()).isEqualTo(200);
        assertThat(deliver("msg_later", now, updated(victim.userId(), "Later"), stack.clerk.webhookSecret()).status()).isEqualTo(200);
        List<String> before = users();

        List<String> problems = new ArrayList<>();
        List<Map.Entry<String, Api.Reply>> replies = new ArrayList<>();
        for (String payload : List.of(created(newcomer), updated(victim.userId(), "Mallory"), deleted(victim.userId()))) {
            String id = "msg_" + UUID.randomUUID();
            replies.add(Map.entry("forged", deliver(id, now, payload, forgedSecret)));
            replies.add(Map.entry("unsigned", send(id, Long.toString(now), null, payload.getBytes(StandardCharsets.UTF_8))));
            replies.add(Map.entry("garbage signature", send(id, Long.toString(now), "v1,AAAA", payload.getBytes(StandardCharsets.UTF_8))));
            replies.add(Map.entry("stale", deliver(id, now - 6 * 60, payload, stack.clerk.webhookSecret())));
            replies.add(Map.entry("future", deliver(id, now + 6 * 60, payload, stack.clerk.webhookSecret())));
            replies.add(Map.entry("absurd timestamp", deliver(id, Long.MAX_VALUE / 1000, payload, stack.clerk.webhookSecret())));
            String huge = payload.replace("\"object\":\"event\"", "\"object\":\"event\",\"pad\":\"" + "x".repeat(NastyValues.MIB + 10) + "\"");
            replies.add(Map.entry("oversized", deliver(id, now, huge, stack.clerk.webhookSecret())));
            replies.add(Map.entry("signed for another id", send("msg_other", Long.toString(now),
                    Clerk.sign(stack.clerk.webhookSecret(), id, now, payload), payload.getBytes(StandardCharsets.UTF_8))));
        }
        for (Map.Entry<String, String> hostile : signedHostilePayloads(victim.userId()).entrySet()) {
            String id = "msg_" + UUID.randomUUID();
            replies.add(Map.entry("signed " + hostile.getKey(), deliver(id, now, hostile.getValue(), stack.clerk.webhookSecret())));
        }
        String rawNul = updated(victim.userId(), "Mal@lory");
        byte[] rawNulBytes = rawNul.getBytes(StandardCharsets.UTF_8);
        rawNulBytes[rawNul.indexOf('@')] = 0;
        String rawNulId = "msg_" + UUID.randomUUID();
        replies.add(Map.entry("signed raw NUL byte", send(rawNulId, Long.toString(now),
                Clerk.sign(stack.clerk.webhookSecret(), rawNulId, now, new String(rawNulBytes, StandardCharsets.UTF_8)), rawNulBytes)));
        for (var reply : replies) {
            Scoreboard.WEBHOOK_DELIVERIES.incrementAndGet();
            if (reply.getKey().contains("NUL") && reply.getValue().status() != 400) {
                // API.md: text containing U+0000 anywhere, webhook payloads included → 400.
                problems.add(reply.getKey() + " must be 400 → " + reply.getValue());
            }
            if (reply.getValue().ok() || reply.getValue().status() >= 500 || !reply.getValue().errorShaped()) {
                problems.add(reply.getKey() + " → " + reply.getValue());
            }
        }

        // The captured delivery replayed, one after another and all at once: acknowledged, never applied again.
        int replays = Knobs.webhookReplays();
        long captureTime = now;
        for (int i = 0; i < replays / 2; i++) {
            Api.Reply r = deliver("msg_captured", captureTime, captured, stack.clerk.webhookSecret());
            Scoreboard.WEBHOOK_DELIVERIES.incrementAndGet();
            if (r.status() != 200) {
                problems.add("sequential replay → " + r);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> concurrent = new ArrayList<>();
            for (int i = 0; i < replays; i++) {
                concurrent.add(pool.submit(() -> deliver("msg_captured", captureTime, captured, stack.clerk.webhookSecret())));
            }
            for (Future<Api.Reply> f : concurrent) {
                Api.Reply r = f.get(60, TimeUnit.SECONDS);
                Scoreboard.WEBHOOK_DELIVERIES.incrementAndGet();
                if (r.status() != 200 && r.status() != 409) {
                    problems.add("concurrent replay → " + r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Scoreboard.FAULTS_INJECTED.addAndGet(replies.size() + replays + replays / 2);

        List<String> after = users();
        if (!after.equals(before)) {
            Scoreboard.LEAKS.incrementAndGet();
            problems.add("user rows changed:\nbefore " + before + "\nafter  " + after);
        }
        assertThat(problems).isEmpty();
    }

    private Api.Reply deliver(String id, long timestamp, String payload, String secret) {
        return send(id, Long.toString(timestamp), Clerk.sign(secret, id, timestamp, payload), payload.getBytes(StandardCharsets.UTF_8));
    }

    private Api.Reply send(String id, String timestamp, String signature, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("svix-id", id);
        headers.put("svix-timestamp", timestamp);
        if (signature != null) {
            headers.put("svix-signature", signature);
        }
        return api.send("POST", PATH, headers, body);
    }

    /**
     * Payloads signed with the real secret that must still be refused: each aims at the victim, so one
     * that slipped through would change the victim's row.
     */
    private static Map<String, String> signedHostilePayloads(String victim) {
        Map<String, String> payloads = new LinkedHashMap<>();
        String update = updated(victim, "Mallory");
        // Over the webhook's 256 KiB (SvixWebhookVerifier.MAX_BODY_BYTES), under the API's 1 MiB.
        payloads.put("over the webhook's size limit", update.replace("\"object\":\"event\"",
                "\"object\":\"event\",\"pad\":\"" + "x".repeat(256 * 1024) + "\""));
        payloads.put("NUL in a name", updated(victim, "Mal\\u0000lory"));
        payloads.put("NUL in the user id", update.replace("\"id\":\"" + victim + "\"", "\"id\":\"" + victim + "\\u0000\""));
        payloads.put("NUL in the type", update.replace("\"type\":\"user.updated\"", "\"type\":\"user.updated\\u0000\""));
        int depth = 100_000;
        payloads.put("nesting " + depth + " deep", update.replace("\"object\":\"event\"",
                "\"object\":\"event\",\"deep\":" + "[".repeat(depth) + "]".repeat(depth)));
        payloads.put("type a number", update.replace("\"type\":\"user.updated\"", "\"type\":42"));
        payloads.put("data an array", "{\"data\":[{\"id\":\"" + victim + "\"}],\"object\":\"event\",\"type\":\"user.updated\"}");
        payloads.put("data a string", "{\"data\":\"" + victim + "\",\"object\":\"event\",\"type\":\"user.deleted\"}");
        payloads.put("user id a number", update.replace("\"id\":\"" + victim + "\"", "\"id\":12345"));
        payloads.put("user id an object", deleted(victim).replace("\"id\":\"" + victim + "\"", "\"id\":{\"id\":\"" + victim + "\"}"));
        payloads.put("payload an array", "[" + update + "]");
        payloads.put("payload a string", "\"" + victim + "\"");
        payloads.put("payload null", "null");
        payloads.put("payload not JSON", update.substring(0, update.length() / 2));
        return payloads;
    }

    private List<String> users() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.postgres.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select row_to_json(u)::text from users u union all "
                     + "select row_to_json(t)::text from user_tombstones t order by 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String created(String userId) {
        return event("user.created", userId, "Newcomer");
    }

    private static String updated(String userId, String firstName) {
        return event("user.updated", userId, firstName);
    }

    private static String deleted(String userId) {
        return "{\"data\":{\"deleted\":true,\"id\":\"" + userId + "\",\"object\":\"user\"},\"object\":\"event\",\"type\":\"user.deleted\"}";
    }

    private static String event(String type, String userId, String firstName) {
        return "{\"data\":{\"id\":\"" + userId + "\",\"first_name\":\"" + firstName + "\",\"last_name\":\"X\","
                + "\"email_addresses\":[{\"id\":\"idn_1\",\"email_address\":\"" + firstName.toLowerCase() + "@example.com\"}],"
                + "\"primary_email_address_id\":\"idn_1\",\"image_url\":null,\"object\":\"user\"},"
                + "\"object\":\"event\",\"type\":\"" + type + "\"}";
    }
}

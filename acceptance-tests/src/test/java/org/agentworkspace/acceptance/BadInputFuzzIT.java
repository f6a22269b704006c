package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentworkspace.app.RouteCatalog;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing of every JSON body and every list query the jar registers, with the owner's
 * own valid credential so the input reaches the parsers and validators: zero 5xx, every error in the
 * contract's shape, a rejected write leaves its target unchanged, and a bystander's rows stay identical.
 */
class BadInputFuzzIT {
    private static final List<String> QUERY_PARAMETERS = List.of("start_after", "start_before", "limit", "offset",
            "expand", "content", "unknown_param");
    /** Write routes that read no body: regenerating and rotating are covered by the rotation test. */
    private static final Set<String> BODILESS = Set.of("/api/dashboard/agents/{agentId}/api-key",
            "/api/dashboard/agents/{agentId}/subscriptions/{id}/rotate");

    private final SharedStack stack = SharedStack.get();
    private final Api api = stack.api;
    private final List<String> failures = new ArrayList<>();

    @Test
    void hostileInputNeverBreaksTheServerOrTheData() {
        NastyValues nasty = new NastyValues(Knobs.seed());
        int perTarget = Knobs.fuzzCasesPerTarget();
        Tenant owner = Tenant.create(api, stack.clerk, "fuzzer");
        Tenant bystander = Tenant.create(api, stack.clerk, "bystander");
        List<String> bystanderBefore = VictimSnapshot.of(stack.postgres, bystander.userId());
        String sentinelBefore = api.get("/api/v1/events/" + owner.eventId(), owner.apiKey()).body();

        Api.Reply target = api.send("POST", "/api/v1/events", owner.apiKey(),
                "{\"title\":\"fuzz target\",\"start\":\"2026-04-01T09:00:00Z\",\"end\":\"2026-04-01T10:00:00Z\"}");
        String targetEvent = target.json().path("event").path("id").asText();
        Api.Reply doc = api.send("POST", "/api/v1/docs", owner.apiKey(), "{\"title\":\"fuzz target\",\"content\":\"x\"}");
        String targetDocument = doc.json().path("document").path("id").asText();
        // A key of its own for the key routes, so a fuzzed rotate or revoke never locks out the fuzzer's key.
        Api.Reply spare = api.send("POST", "/api/dashboard/agents/" + owner.agentId() + "/keys", owner.session(),
                "{\"label\":\"fuzz target\"}");
        String targetKey = spare.json().path("key").path("id").asText();

        int bodyTargets = 0;
        int queryTargets = 0;
        for (String route : RouteCatalog.routes(stack.environment)) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1).replaceAll("\\{collection:[^}]*}", "docs");
            boolean agentApi = template.startsWith("/api/v1/");
            if (!agentApi && !template.startsWith("/api/dashboard/")) {
                continue;
            }
            String bearer = agentApi ? owner.apiKey() : owner.session();
            String path = template.replace("{agentId}", owner.agentId()).replace("{originalStart}", "2026-05-01T09:00:00Z")
                    .replace("{keyId}", targetKey).replace("{id}",
                    template.contains("/events") ? targetEvent : template.contains("/docs") ? targetDocument : owner.subscriptionId());
            if (Set.of("POST", "PUT", "PATCH").contains(method) && !BODILESS.contains(template)) {
                bodyTargets++;
                Map<String, String> fields = validFields(template);
                for (int i = 0; i < perTarget; i++) {
                    fuzzBody(nasty, method, path, bearer, fields);
                }
            } else if (method.equals("GET") && !template.contains("{id}")) {
                queryTargets++;
                for (int i = 0; i < perTarget; i++) {
                    fuzzQuery(nasty, path, bearer);
                }
            }
        }

        assertThat(api.get("/api/v1/events/" + owner.eventId(), owner.apiKey()).body()).as("untargeted event intact")
                .isEqualTo(sentinelBefore);
        List<String> bystanderAfter = VictimSnapshot.of(stack.postgres, bystander.userId());
        if (!bystanderAfter.equals(bystanderBefore)) {
            Scoreboard.LEAKS.incrementAndGet();
            failures.add("The bystander's rows changed");
        }
        System.out.printf("Fuzzer: seed %d, %d body routes and %d query routes × %d cases, %d cases tried in total%n",
                Knobs.seed(), bodyTargets, queryTargets, perTarget, Scoreboard.FUZZ_CASES.get());
        assertThat(bodyTargets).as("write routes found").isGreaterThanOrEqualTo(8);
        assertThat(queryTargets).as("list routes found").isGreaterThanOrEqualTo(5);
        assertThat(failures).as("fuzz failures").isEmpty();
    }

    /**
     * Issue 15: what reaches the server before any JSON does — request targets that are not legal URIs
     * (templates left unsubstituted, |, ^, spaces, stray %), made-up methods, heads around the 64 KiB
     * limit, bodies on every method — and signed webhook deliveries with hostile text. Every answer is
     * below 500 and, when an error, the contract's JSON with an X-Request-Id (HEAD: no body by HTTP).
     */
    @Test
    void rawRequestsAndSignedWebhooksAreAnsweredInTheContractsShape() {
        NastyValues nasty = new NastyValues(Knobs.seed() + 15);
        RawHttp raw = new RawHttp(stack.app.baseUri());
        Tenant owner = Tenant.create(api, stack.clerk, "rawfuzz");
        List<String> templates = new ArrayList<>();
        for (String route : RouteCatalog.routes(stack.environment)) {
            templates.add(route.substring(route.indexOf(' ') + 1).replaceAll("\\{collection:[^}]*}", "docs"));
        }
        int before = Scoreboard.FUZZ_CASES.intValue();
        int rounds = Knobs.fuzzCasesPerTarget() * 40;
        for (int i = 0; i < rounds; i++) {
            String template = nasty.pick(templates);
            String method = nasty.nextInt(6) == 0 ? oddMethod(nasty) : nasty.pick(METHODS);
            String path = rawPath(nasty, template, owner);
            boolean agentApi = template.startsWith("/api/v1/");
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1");
            if (nasty.nextInt(3) > 0) {
                head.append("\r\nAuthorization: Bearer ").append(agentApi ? owner.apiKey() : owner.session());
            }
            if (nasty.nextInt(8) == 0) {
                // Around the 64 KiB head limit: under, at and over it.
                head.append("\r\nX-Padding: ").append("p".repeat(60_000 + nasty.nextInt(10_000)));
            }
            byte[] body = null;
            if (nasty.nextInt(2) == 0) {
                body = nasty.nextInt(4) == 0 ? nasty.brokenBody("{\"title\":\"x\"}")
                        : ("{\"title\":" + nasty.value("title") + "}").getBytes(StandardCharsets.UTF_8);
                head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length);
            }
            head.append("\r\nConnection: close");
            Scoreboard.FUZZ_CASES.incrementAndGet();
            RawHttp.Reply reply = raw.send(head.toString(), body, method.equals("HEAD"), 30_000);
            if (reply.status() < 100 && head.length() > 60_000) {
                // A head refused early (431, a malformed line) is answered and the connection closed
                // while tens of KiB are still being sent: the peer's reset can discard the answer
                // before it is read. Counted and reported, not hidden among the answered cases.
                Scoreboard.CONTAINER_REJECTIONS.incrementAndGet();
                continue;
            }
            checkRaw(method + " " + abbreviated(path) + (body == null ? "" : " with a body"), method, reply);
        }
        for (int i = 0; i < Knobs.fuzzCasesPerTarget() * 3; i++) {
            fuzzWebhook(nasty, raw, i);
        }
        int cases = Scoreboard.FUZZ_CASES.intValue() - before;
        System.out.printf("Raw fuzzer: seed %d, %d raw and webhook cases%n", Knobs.seed() + 15, cases);
        assertThat(failures).as("raw fuzz failures").isEmpty();
    }

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final List<String> ILLEGAL = List.of("{id}", "{agentId}", "|", "^", " ", "%", "%zz", "%4", "\\",
            "\"", "<", ">", "`", "{", "}", "\u00e9", "\u0001", "%00", "%2e%2e", "..", "//", "#");

    private static String oddMethod(NastyValues nasty) {
        return switch (nasty.nextInt(6)) {
            case 0 -> "TRACE";
            case 1 -> "get";
            case 2 -> "PROPFIND";
            case 3 -> "X".repeat(1 + nasty.nextInt(3000));
            case 4 -> "CONNECT";
            default -> "BREW";
        };
    }

    private static String rawPath(NastyValues nasty, String template, Tenant owner) {
        String path = nasty.nextInt(3) == 0 ? template
                : template.replace("{agentId}", owner.agentId()).replace("{id}", owner.eventId())
                        .replace("{token}", owner.feedToken()).replace("{originalStart}", "2026-03-02T09:00:00Z");
        int cut = 1 + nasty.nextInt(path.length());
        path = path.substring(0, cut) + nasty.pick(ILLEGAL) + path.substring(cut);
        if (nasty.nextInt(4) == 0) {
            path += "?" + nasty.pick(List.of("limit=%zz", "a=|^", "start_after=\u0001", "x=%", "q=%00", "limit=5"));
        }
        return path;
    }

    private void fuzzWebhook(NastyValues nasty, RawHttp raw, int i) {
        String hostile = nasty.pick(List.of("\"\\u0000\"", "\"Ada\\u0000\"", "\"\\ud800\"", "\"\\u202eevil\"",
                "\"" + "\uD83D\uDE80".repeat(300) + "\"", "\"" + "x".repeat(5000) + "\"", "\"<script>\"",
                "\"'; drop table users; --\"", "\"\\u0000@example.com\"", "123", "null", "[\"x\"]", "{}"));
        String field = nasty.pick(List.of("first_name", "last_name", "image_url", "id", "email_address"));
        String id = "\"user_fuzz_" + i + "\"";
        String first = field.equals("first_name") ? hostile : "\"Ada\"";
        String last = field.equals("last_name") ? hostile : "\"L\"";
        String image = field.equals("image_url") ? hostile : "null";
        String email = field.equals("email_address") ? hostile : "\"a@example.com\"";
        String payload = "{\"type\":\"" + nasty.pick(List.of("user.created", "user.updated", "user.deleted")) + "\",\"data\":{"
                + "\"id\":" + (field.equals("id") ? hostile : id) + ",\"first_name\":" + first + ",\"last_name\":" + last
                + ",\"image_url\":" + image + ",\"primary_email_address_id\":\"e1\",\"email_addresses\":[{\"id\":\"e1\","
                + "\"email_address\":" + email + "}]}}";
        String deliveryId = "msg_fuzz_" + Knobs.seed() + "_" + i;
        long timestamp = java.time.Instant.now().getEpochSecond();
        String signature = Clerk.sign(stack.clerk.webhookSecret(), deliveryId, timestamp, payload);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/webhooks/clerk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                + "\r\nsvix-id: " + deliveryId + "\r\nsvix-timestamp: " + timestamp + "\r\nsvix-signature: " + signature
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close";
        Scoreboard.FUZZ_CASES.incrementAndGet();
        RawHttp.Reply reply = raw.send(head, body, false, 30_000);
        checkRaw("signed webhook with " + field + " = " + abbreviated(hostile), "POST", reply);
    }

    private void checkRaw(String what, String method, RawHttp.Reply reply) {
        if (reply.status() < 100) {
            failures.add(what + " → no HTTP answer: " + abbreviated(reply.head()));
        } else if (reply.status() >= 500) {
            failures.add(what + " → " + reply);
        } else if (reply.status() >= 400) {
            Scoreboard.FUZZ_REQUESTS_REJECTED.incrementAndGet();
            boolean head = method.equals("HEAD");
            if (!head && !reply.contractError()) {
                failures.add(what + " → error not in the contract's shape: " + reply);
            }
        }
    }

    private void fuzzBody(NastyValues nasty, String method, String path, String bearer, Map<String, String> fields) {
        String valid = json(fields);
        byte[] body;
        String description;
        if (nasty.nextInt(10) < 3) {
            body = nasty.brokenBody(valid);
            description = "broken body";
        } else {
            Map<String, String> mutated = new LinkedHashMap<>(fields);
            List<String> names = new ArrayList<>(fields.keySet());
            names.add("unknownField");
            String field = nasty.pick(names);
            if (nasty.nextInt(8) == 0) {
                mutated.remove(field);
                description = "without " + field;
            } else {
                mutated.put(field, nasty.value(field));
                description = field + " = " + abbreviated(mutated.get(field));
            }
            body = json(mutated).getBytes(StandardCharsets.UTF_8);
        }
        boolean update = method.equals("PUT") || method.equals("PATCH");
        String before = update ? api.get(path, bearer).body() : null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + bearer);
        headers.put("Content-Type", "application/json; charset=utf-8");
        Scoreboard.FUZZ_CASES.incrementAndGet();
        Api.Reply reply = api.send(method, path, headers, body);
        check(method + " " + path + " " + description, reply);
        if (update && reply.status() >= 400) {
            String after = api.get(path, bearer).body();
            if (!after.equals(before)) {
                Scoreboard.WRITES_LOST.incrementAndGet();
                failures.add(method + " " + path + " " + description + " was refused (" + reply + ") but changed the target");
            }
        }
    }

    private void fuzzQuery(NastyValues nasty, String path, String bearer) {
        StringBuilder query = new StringBuilder();
        int parameters = 1 + nasty.nextInt(3);
        for (int i = 0; i < parameters; i++) {
            query.append(i == 0 ? '?' : '&').append(nasty.pick(QUERY_PARAMETERS)).append('=').append(nasty.queryValue());
        }
        Scoreboard.FUZZ_CASES.incrementAndGet();
        Api.Reply reply;
        try {
            reply = api.send("GET", path + query, Map.of("Authorization", "Bearer " + bearer), null);
        } catch (IllegalArgumentException e) {
            // A query the client library itself refuses to send (e.g. an invalid escape) cannot reach the server.
            return;
        }
        check("GET " + path + abbreviated(query.toString()), reply);
    }

    private void check(String what, Api.Reply reply) {
        if (reply.status() >= 500) {
            failures.add(what + " → " + reply);
        } else if (reply.status() >= 400) {
            Scoreboard.FUZZ_REQUESTS_REJECTED.incrementAndGet();
            if (!reply.errorShaped()) {
                failures.add(what + " → error not in the contract's shape: " + reply);
            }
        }
    }

    private static Map<String, String> validFields(String template) {
        Map<String, String> f = new LinkedHashMap<>();
        if (template.contains("/events")) {
            f.put("title", "\"fuzzed\"");
            f.put("start", "\"2026-04-01T09:00:00Z\"");
            f.put("end", "\"2026-04-01T10:00:00Z\"");
            f.put("description", "\"d\"");
            f.put("location", "\"l\"");
            f.put("allDay", "false");
            f.put("rrule", "\"FREQ=DAILY;COUNT=3\"");
            f.put("timezone", "\"Europe/Berlin\"");
            f.put("color", "\"#112233\"");
        } else if (template.contains("/docs")) {
            f.put("title", "\"fuzzed\"");
            f.put("content", "\"x\"");
            if (!template.contains("{id}")) {
                f.put("type", "\"markdown\"");
            }
        } else if (template.contains("/subscriptions")) {
            f.put("label", "\"fuzzed\"");
            f.put("email", "\"a@b.c\"");
            f.put("detail", "\"busy\"");
        } else {
            f.put("name", "\"fuzzed\"");
            f.put("description", "\"d\"");
            f.put("timezone", "\"Europe/Berlin\"");
        }
        return f;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    private static String abbreviated(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
    }
}

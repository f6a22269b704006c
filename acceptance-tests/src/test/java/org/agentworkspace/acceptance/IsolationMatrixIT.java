package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.app.RouteCatalog;
import org.junit.jupiter.api.Test;

/**
 * The isolation matrix, generated from the routes the jar registers: every route × every credential
 * kind × every id slot filled with the victim's id, a random id and a malformed id. A foreign id must
 * answer exactly like a random one (status and body), a wrong kind of credential 401, the feed 404 for
 * any token not of that agent; the victim's rows in PostgreSQL must be byte-identical afterwards, and no
 * response may carry any of the victim's ids or secrets. A route the generator cannot classify fails.
 */
class IsolationMatrixIT {
    private static final Pattern SLOT = Pattern.compile("\\{([^}:]+)(?::\\s*([^}]*))?}");
    /** Routes without owned data or credentials: the page, its assets, probes and the signed webhook. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/", "/login", "/assets/{file}", "/healthz", "/readyz",
            "/openapi.json", "/metrics", "/api/webhooks/clerk", "/api/local/session");
    private static final String MALFORMED_ID = "not-an-id'%22%3C%3E";
    private static final String MALFORMED_CREDENTIAL = "ak_0000000000000000000000000000000000000000";

    enum Fill { OWN, FOREIGN, RANDOM, MALFORMED }

    enum Credential { AGENT_KEY, USER_SESSION, FEED_TOKEN, NONE, MALFORMED }

    enum Area { AGENT_API, DASHBOARD, FEED, PUBLIC }

    private final SharedStack stack = SharedStack.get();
    private final Api api = stack.api;
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyRouteTreatsAnotherTenantsDataAsAbsent() {
        Tenant victim = Tenant.create(api, stack.clerk, "victim");
        Tenant attacker = Tenant.create(api, stack.clerk, "attacker");
        List<String> routes = expandAlternatives(RouteCatalog.routes(stack.environment));
        assertThat(routes).as("routes read from the resource model").hasSizeGreaterThan(20);

        proveVictimIdsAreLive(routes, victim);
        List<String> before = VictimSnapshot.of(stack.postgres, victim.userId());

        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            Area area = areaOf(template);
            List<String> slots = slotsOf(template);
            if (area == null || slots.stream().anyMatch(s -> slotKind(template, s) == null)) {
                failures.add("Unclassified route " + route + ": give it an area and its id slots a kind in " + getClass().getSimpleName());
                continue;
            }
            Scoreboard.ROUTES.add(route);
            for (Credential credential : Credential.values()) {
                Scoreboard.CREDENTIAL_KINDS.add(credential.name());
                attack(method, template, slots, area, credential, victim, attacker);
            }
        }

        List<String> after = VictimSnapshot.of(stack.postgres, victim.userId());
        if (!after.equals(before)) {
            Scoreboard.LEAKS.incrementAndGet();
            failures.add("The victim's rows changed:\nbefore " + before + "\nafter  " + after);
        }
        assertThat(api.get("/api/v1/me", victim.apiKey()).status()).as("victim key still works").isEqualTo(200);
        assertThat(api.get(victim.feedPath(), null).status()).as("victim feed still works").isEqualTo(200);
        System.out.printf("Isolation matrix: %d routes × %d credential kinds, %d cells%n", Scoreboard.ROUTES.size(),
                Credential.values().length, Scoreboard.MATRIX_CELLS.get());
        assertThat(failures).as("isolation failures").isEmpty();
    }

    private void attack(String method, String template, List<String> slots, Area area, Credential credential,
                        Tenant victim, Tenant attacker) {
        String bearer = switch (credential) {
            case AGENT_KEY -> attacker.apiKey();
            case USER_SESSION -> attacker.session();
            case FEED_TOKEN -> attacker.feedToken();
            case NONE -> null;
            case MALFORMED -> MALFORMED_CREDENTIAL;
        };
        boolean rightKind = (area == Area.AGENT_API && credential == Credential.AGENT_KEY)
                || (area == Area.DASHBOARD && credential == Credential.USER_SESSION);
        if (area == Area.PUBLIC) {
            Map<String, Fill> fills = new LinkedHashMap<>();
            slots.forEach(s -> fills.put(s, Fill.RANDOM));
            Api.Reply reply = cell(method, template, fills, bearer, victim, attacker);
            expect(reply.status() < 500, method, template, credential, fills, "no 5xx", reply);
            return;
        }
        if (area == Area.FEED || rightKind) {
            for (Map<String, Fill> fills : assignments(slots)) {
                if (area == Area.FEED && fills.values().stream().allMatch(f -> f == Fill.FOREIGN)) {
                    // The victim's own agent id with the victim's own token is the victim's feed URL:
                    // holding it is the authorisation, by design (API.md, calendar feed).
                    continue;
                }
                Api.Reply reply = cell(method, template, fills, bearer, victim, attacker);
                if (slots.isEmpty()) {
                    expect(reply.status() < 500, method, template, credential, fills, "no 5xx", reply);
                    continue;
                }
                expect(reply.status() == 404, method, template, credential, fills, "404 like an absent id", reply);
                if (fills.containsValue(Fill.FOREIGN)) {
                    Map<String, Fill> randomized = new LinkedHashMap<>(fills);
                    randomized.replaceAll((k, v) -> v == Fill.FOREIGN ? Fill.RANDOM : v);
                    Api.Reply baseline = cell(method, template, randomized, bearer, victim, attacker);
                    expect(reply.status() == baseline.status() && normalized(reply).equals(normalized(baseline)),
                            method, template, credential, fills, "the same answer as a random id (" + baseline + ")", reply);
                }
            }
            return;
        }
        for (Fill fill : slots.isEmpty() ? List.of(Fill.FOREIGN) : List.of(Fill.FOREIGN, Fill.RANDOM)) {
            Map<String, Fill> fills = new LinkedHashMap<>();
            slots.forEach(s -> fills.put(s, fill));
            Api.Reply reply = cell(method, template, fills, bearer, victim, attacker);
            expect(reply.status() == 401 && reply.errorShaped()
                            && reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    method, template, credential, fills, "401 with WWW-Authenticate: Bearer", reply);
        }
    }

    private Api.Reply cell(String method, String template, Map<String, Fill> fills, String bearer, Tenant victim, Tenant attacker) {
        String path = template;
        for (Map.Entry<String, Fill> slot : fills.entrySet()) {
            path = path.replace("{" + slot.getKey() + "}", value(slotKind(template, slot.getKey()), slot.getValue(), victim, attacker));
        }
        Scoreboard.MATRIX_CELLS.incrementAndGet();
        Api.Reply reply = api.send(method, path, bearer, bodyFor(method, template));
        String visible = reply.body();
        for (String sent : path.split("/")) {
            if (sent.length() > 8) {
                visible = visible.replace(sent.replace(".ics", ""), "");
            }
        }
        for (String secret : List.of(victim.agentId(), victim.apiKey(), victim.feedToken(), victim.eventId(),
                victim.documentId(), victim.subscriptionId(), victim.userId(), "victim secret")) {
            if (visible.contains(secret) || reply.headers().map().toString().contains(secret)) {
                Scoreboard.LEAKS.incrementAndGet();
                failures.add("LEAK " + method + " " + path + " answered with the victim's " + secret + ": " + reply);
            }
        }
        return reply;
    }

    private void expect(boolean holds, String method, String template, Credential credential, Map<String, Fill> fills,
                        String expected, Api.Reply reply) {
        if (!holds) {
            failures.add(method + " " + template + " as " + credential + " with " + fills + ": expected " + expected + ", got " + reply);
        }
    }

    /** Every fill of the slots except "all the attacker's own" (which is the attacker's legitimate access). */
    private static List<Map<String, Fill>> assignments(List<String> slots) {
        List<Map<String, Fill>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (String slot : slots) {
            List<Map<String, Fill>> next = new ArrayList<>();
            for (Map<String, Fill> partial : all) {
                for (Fill fill : Fill.values()) {
                    Map<String, Fill> m = new LinkedHashMap<>(partial);
                    m.put(slot, fill);
                    next.add(m);
                }
            }
            all = next;
        }
        if (!slots.isEmpty()) {
            all.removeIf(m -> m.values().stream().allMatch(f -> f == Fill.OWN));
        }
        return all;
    }

    private static String value(String kind, Fill fill, Tenant victim, Tenant attacker) {
        if (fill == Fill.MALFORMED) {
            return MALFORMED_ID;
        }
        if (fill == Fill.RANDOM) {
            return kind.equals("token") ? UUID.randomUUID().toString().replace("-", "") : UUID.randomUUID().toString();
        }
        Tenant t = fill == Fill.FOREIGN ? victim : attacker;
        return switch (kind) {
            case "agent" -> t.agentId();
            case "event" -> t.eventId();
            case "document" -> t.documentId();
            case "subscription" -> t.subscriptionId();
            case "token" -> t.feedToken();
            case "file" -> "no-such-asset.js";
            // An occurrence is named by its series and its original start; the series slot decides whose.
            case "occurrence" -> "2026-05-01T09:00:00Z";
            default -> throw new IllegalStateException(kind);
        };
    }

    /** The kind of id a slot holds, from its name and the collection before it; null when unknown. */
    private static String slotKind(String template, String slot) {
        if (slot.equals("agentId")) {
            return "agent";
        }
        if (slot.equals("token")) {
            return "token";
        }
        if (slot.equals("originalStart")) {
            return "occurrence";
        }
        if (slot.equals("file") && template.startsWith("/assets/")) {
            return "file";
        }
        String before = template.substring(0, template.indexOf("{" + slot + "}"));
        String[] segments = before.split("/");
        String collection = segments.length == 0 ? "" : segments[segments.length - 1];
        return switch (collection) {
            case "events" -> "event";
            case "docs", "documents" -> "document";
            case "subscriptions" -> "subscription";
            case "agents" -> "agent";
            default -> null;
        };
    }

    private static Area areaOf(String template) {
        if (template.startsWith("/api/v1/")) {
            return Area.AGENT_API;
        }
        if (template.startsWith("/api/dashboard/")) {
            return Area.DASHBOARD;
        }
        if (template.startsWith("/api/cal/")) {
            return Area.FEED;
        }
        return PUBLIC_PATHS.contains(template) ? Area.PUBLIC : null;
    }

    private static List<String> slotsOf(String template) {
        List<String> slots = new ArrayList<>();
        Matcher m = SLOT.matcher(template);
        while (m.find()) {
            slots.add(m.group(1).trim());
        }
        return slots;
    }

    /** {@code {collection: docs|documents}} becomes one route per alternative; other regex slots keep only their name. */
    private static List<String> expandAlternatives(List<String> routes) {
        List<String> current = routes;
        while (true) {
            List<String> next = new ArrayList<>();
            for (String route : current) {
                next.addAll(expandFirstAlternative(route));
            }
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
    }

    private static List<String> expandFirstAlternative(String route) {
        Matcher m = SLOT.matcher(route);
        while (m.find()) {
            if (m.group(2) != null && m.group(2).trim().matches("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+")) {
                List<String> expanded = new ArrayList<>();
                for (String alternative : m.group(2).trim().split("\\|")) {
                    expanded.add(route.substring(0, m.start()) + alternative + route.substring(m.end()));
                }
                return expanded;
            }
        }
        return List.of(route.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"));
    }

    private void proveVictimIdsAreLive(List<String> routes, Tenant victim) {
        for (String route : routes) {
            if (!route.startsWith("GET ")) {
                continue;
            }
            String template = route.substring(4);
            if (template.contains("/occurrences") || template.equals("/api/v1/freebusy")) {
                // The victim's event is a one-off, with no occurrences to reach (404 by contract), and
                // free/busy needs both bounds (400 without): neither answers 200 to a bare GET.
                continue;
            }
            Area area = areaOf(template);
            if (area != Area.AGENT_API && area != Area.DASHBOARD && area != Area.FEED) {
                continue;
            }
            String path = template;
            for (String slot : slotsOf(template)) {
                String kind = slotKind(template, slot);
                if (kind == null) {
                    return;
                }
                path = path.replace("{" + slot + "}", value(kind, Fill.FOREIGN, victim, victim));
            }
            String bearer = area == Area.AGENT_API ? victim.apiKey() : area == Area.DASHBOARD ? victim.session() : null;
            Api.Reply reply = api.get(path, bearer);
            assertThat(reply.status()).as("the victim reaches its own %s", path).isEqualTo(200);
        }
    }

    private static String bodyFor(String method, String template) {
        if (!Set.of("POST", "PUT", "PATCH").contains(method)) {
            return null;
        }
        if (template.contains("/events")) {
            return "{\"title\":\"attacker was here\",\"start\":\"2026-05-01T09:00:00Z\",\"end\":\"2026-05-01T10:00:00Z\"}";
        }
        if (template.contains("/docs") || template.contains("/documents")) {
            return "{\"title\":\"attacker was here\",\"content\":\"x\"}";
        }
        if (template.endsWith("/subscriptions")) {
            return "{\"label\":\"attacker was here\"}";
        }
        if (template.endsWith("/agents") || template.endsWith("/agents/{agentId}")) {
            return "{\"name\":\"attacker was here\"}";
        }
        return "{}";
    }

    private static String normalized(Api.Reply reply) {
        return reply.body().replaceAll("\"requestId\"\\s*:\\s*\"[^\"]*\"", "");
    }
}

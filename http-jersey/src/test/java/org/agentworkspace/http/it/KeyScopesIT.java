package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.http.openapi.RouteInventory.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The route × scope matrix (issue 17), generated from the routes the stack really serves: every
 * {@code /api/v1} route must be in {@link #NEEDS} (a new route fails {@link #every_agent_route_declares_its_scope}
 * until it says what it needs), and for every route and every single-scope key the answer is 403
 * naming the route's scope exactly when the key does not grant it. A {@code :write} key also
 * passes its {@code :read} routes. Unknown ids are used throughout: a key that passes the scope
 * check gets to the lookup (404) or the write (201), one that fails never does.
 */
class KeyScopesIT {
    /** The scope each agent route needs; {@code null}: any key (API.md: "/api/v1/me works with any key"). */
    private static final Map<Route, Scope> NEEDS = new LinkedHashMap<>();

    static {
        NEEDS.put(new Route("GET", "/api/v1/me"), null);
        NEEDS.put(new Route("GET", "/api/v1/subscriptions"), Scope.EVENTS_READ);
        collection("/api/v1/events", Scope.EVENTS_READ, Scope.EVENTS_WRITE);
        String occurrences = "/api/v1/events/{id}/occurrences";
        NEEDS.put(new Route("GET", occurrences), Scope.EVENTS_READ);
        NEEDS.put(new Route("GET", occurrences + "/{originalStart}"), Scope.EVENTS_READ);
        NEEDS.put(new Route("PUT", occurrences + "/{originalStart}"), Scope.EVENTS_WRITE);
        NEEDS.put(new Route("PATCH", occurrences + "/{originalStart}"), Scope.EVENTS_WRITE);
        NEEDS.put(new Route("DELETE", occurrences + "/{originalStart}"), Scope.EVENTS_WRITE);
        NEEDS.put(new Route("GET", "/api/v1/freebusy"), Scope.EVENTS_READ);
        // Open to events:read or docs:read (each sees its own type); events:read is the one named when neither is held.
        NEEDS.put(new Route("GET", "/api/v1/changes"), Scope.EVENTS_READ);
        NEEDS.put(new Route("GET", "/api/v1/webhooks"), Scope.WEBHOOKS_MANAGE);
        NEEDS.put(new Route("POST", "/api/v1/webhooks"), Scope.WEBHOOKS_MANAGE);
        NEEDS.put(new Route("DELETE", "/api/v1/webhooks/{id}"), Scope.WEBHOOKS_MANAGE);
        NEEDS.put(new Route("GET", "/api/v1/webhooks/{id}/deliveries"), Scope.WEBHOOKS_MANAGE);
        collection("/api/v1/docs", Scope.DOCS_READ, Scope.DOCS_WRITE);
        collection("/api/v1/documents", Scope.DOCS_READ, Scope.DOCS_WRITE);
    }

    /** A collection with its items: listing and reading need {@code read}, every write {@code write}. */
    private static void collection(String path, Scope read, Scope write) {
        NEEDS.put(new Route("GET", path), read);
        NEEDS.put(new Route("POST", path), write);
        NEEDS.put(new Route("GET", path + "/{id}"), read);
        NEEDS.put(new Route("PUT", path + "/{id}"), write);
        NEEDS.put(new Route("PATCH", path + "/{id}"), write);
        NEEDS.put(new Route("DELETE", path + "/{id}"), write);
    }

    private static ItStack stack;
    private static ItStack.NewAgent agent;
    private static final Map<Scope, String> KEY_WITH_ONLY = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        stack = ItStack.start();
        agent = stack.newUserWithAgent("user_scopes", "Atlas");
        for (Scope scope : Scope.values()) {
            Reply created = stack.call("POST", "/api/dashboard/agents/" + agent.agentId() + "/keys", agent.session(),
                    "{\"label\":\"only " + scope.wireName() + "\",\"scopes\":[\"" + scope.wireName() + "\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            KEY_WITH_ONLY.put(scope, created.json().path("apiKey").asText());
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Set<Route> agentRoutes() {
        return stack.routes.stream().filter(r -> r.path().equals("/api/v1") || r.path().startsWith("/api/v1/"))
                .filter(r -> !r.method().equals("HEAD") && !r.method().equals("OPTIONS"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void every_agent_route_declares_its_scope() {
        assertThat(agentRoutes()).as("every /api/v1 route served has a row in NEEDS, and no row is stale")
                .containsExactlyInAnyOrderElementsOf(NEEDS.keySet());
    }

    @TestFactory
    List<DynamicTest> each_scope_allows_exactly_its_routes() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Route route : agentRoutes()) {
            for (Scope held : Scope.values()) {
                cells.add(DynamicTest.dynamicTest(route + " with only " + held.wireName(), () -> {
                    Reply reply = call(route, KEY_WITH_ONLY.get(held));
                    Scope needed = NEEDS.get(route);
                    if (needed == null || needed.grantedBy(Set.of(held)) || alsoOpenTo(route, held)) {
                        assertThat(reply.status()).as(reply.statusAndBody()).isNotIn(401, 403);
                    } else {
                        assertThat(reply.status()).as(reply.statusAndBody()).isEqualTo(403);
                        assertThat(reply.json().path("error").asText())
                                .isEqualTo("This key lacks the scope " + needed.wireName());
                    }
                }));
            }
        }
        return cells;
    }

    @Test
    void the_all_scope_key_passes_every_route() {
        for (Route route : agentRoutes()) {
            Reply reply = call(route, agent.apiKey());
            assertThat(reply.status()).as(route + ": " + reply.statusAndBody()).isNotIn(401, 403);
        }
    }

    /** The change feed is open to docs:read too (API.md: "a key with one sees only that type"). */
    private static boolean alsoOpenTo(Route route, Scope held) {
        return route.path().equals("/api/v1/changes") && Scope.DOCS_READ.grantedBy(Set.of(held));
    }

    private static Reply call(Route route, String key) {
        String path = route.path().replace("{id}", UUID.randomUUID().toString())
                .replace("{originalStart}", "2026-03-01T09:00:00Z");
        String body = switch (route.method()) {
            case "POST", "PUT", "PATCH" -> path.contains("/webhooks") ? "{\"url\":\"https://example.com/hook\"}"
                    : path.contains("/events")
                    ? "{\"title\":\"t\",\"start\":\"2026-03-01T09:00:00Z\",\"end\":\"2026-03-01T10:00:00Z\"}"
                    : "{\"title\":\"t\",\"content\":\"c\"}";
            default -> null;
        };
        return stack.call(route.method(), path, key, body);
    }
}

package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.http.openapi.OpenApiResource;
import org.agentworkspace.http.openapi.RouteInventory;
import org.agentworkspace.http.openapi.RouteInventory.Route;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the routes this module registers. The routes the app adds from
 * other modules (webhook, local sign-in, dashboard page) are listed here and checked against the
 * app's full configuration by the app's own drift test.
 */
class OpenApiDocumentTest {
    static final Set<Route> REGISTERED_BY_THE_APP = Set.of(
            new Route("POST", "/api/webhooks/clerk"),
            new Route("POST", "/api/local/session"),
            new Route("GET", "/"),
            new Route("GET", "/login"),
            new Route("GET", "/assets/{file}"));

    private final byte[] document = OpenApiResource.load();
    private final JsonNode root = Fixtures.json(new String(document, java.nio.charset.StandardCharsets.UTF_8));

    private static Set<Route> registered() {
        return RouteInventory.of(AgentWorkspaceHttp.resourceConfig(HttpSettings.of(new FeedUrls("https://x.test")),
                new StubUseCases().build(), () -> true));
    }

    @Test
    void every_registered_route_is_documented() {
        Set<Route> missing = new TreeSet<>(registered());
        missing.removeAll(RouteInventory.documented(document));

        assertThat(missing).as("routes served but missing from docs/openapi.json").isEmpty();
    }

    @Test
    void every_documented_route_is_served_here_or_by_the_app() {
        Set<Route> unknown = new TreeSet<>(RouteInventory.documented(document));
        unknown.removeAll(registered());
        unknown.removeAll(REGISTERED_BY_THE_APP);

        assertThat(unknown).as("routes in docs/openapi.json that nothing serves").isEmpty();
    }

    @Test
    void the_inventory_sees_the_documents_alias_and_the_feed_head() {
        assertThat(registered()).contains(new Route("GET", "/api/v1/docs/{id}"), new Route("PATCH", "/api/v1/documents/{id}"),
                new Route("HEAD", "/api/cal/{agentId}/{token}.ics"), new Route("GET", "/healthz"),
                new Route("GET", "/openapi.json"), new Route("GET", "/metrics"));
    }

    @Test
    void the_document_is_openapi_3_1_and_every_reference_resolves() {
        assertThat(root.path("openapi").asText()).isEqualTo("3.1.0");
        List<String> dangling = new ArrayList<>();
        collectRefs(root, dangling);

        assertThat(dangling).as("$ref targets that do not exist").isEmpty();
    }

    @Test
    void every_successful_json_answer_and_every_json_request_body_has_an_example_to_copy() {
        List<String> withoutExample = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode request = resolve(operation.getValue().path("requestBody")).path("content").path("application/json");
                if (!request.isMissingNode() && !hasExample(request)) {
                    withoutExample.add(name + " request");
                }
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    JsonNode json = resolve(response.getValue()).path("content").path("application/json");
                    if (response.getKey().startsWith("2") && !json.isMissingNode() && !hasExample(json)) {
                        withoutExample.add(name + " " + response.getKey());
                    }
                }
            }
        }

        assertThat(withoutExample).isEmpty();
    }

    @Test
    void the_server_serves_the_document_byte_for_byte() {
        try (TestServer server = new TestServer(new StubUseCases().build(), () -> true)) {
            HttpResponse<String> response = server.get("/openapi.json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(response.body()).isEqualTo(new String(document, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private boolean hasExample(JsonNode media) {
        return media.has("example") || media.has("examples") || resolve(media.path("schema")).has("example");
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        // Bounded: a cycle of references would otherwise loop for ever.
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new AssertionError("$ref chain longer than 32 (a cycle?) from " + node);
            }
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private void collectRefs(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && root.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, dangling));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, dangling));
        }
    }
}

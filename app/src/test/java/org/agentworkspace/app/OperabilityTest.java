package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.agentworkspace.http.limits.Partition;
import org.agentworkspace.http.openapi.OpenApiResource;
import org.agentworkspace.http.openapi.RouteInventory;
import org.agentworkspace.http.openapi.RouteInventory.Route;
import org.agentworkspace.persistence.FlywayMigrations;
import org.agentworkspace.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled application's routes, metrics and operator settings, on a real database. */
class OperabilityTest {
    @TempDir
    Path dataDir;
    private TestDatabases.Database db;

    /**
     * As an operator deploys it: migrated by the owner role ({@code DATABASE_MIGRATION_URL}), served by
     * the unprivileged runtime role ({@code DATABASE_URL}), so row-level security applies to the server.
     */
    private Application open() {
        db = TestDatabases.fresh("schema_rls",
                owner -> FlywayMigrations.migrate(owner, TestDatabases.RUNTIME_ROLE));
        String url = db.server().jdbcUrl(db.name()) + "?password=" + TestDatabases.ROLE_PASSWORD + "&user=";
        return Application.open(AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", url + TestDatabases.RUNTIME_ROLE,
                "DATABASE_MIGRATION_URL", url + TestDatabases.OWNER_ROLE,
                "PORT", "0", "AW_DATA_DIR", dataDir.toString())));
    }

    @Test
    void the_server_connects_as_the_unprivileged_runtime_role() throws Exception {
        try (Application app = open()) {
            // Read as the superuser: every session on the database but this one is the server's.
            String sql = "select distinct a.usename, r.rolsuper, r.rolbypassrls from pg_stat_activity a"
                    + " join pg_roles r on r.oid = a.usesysid where a.datname = current_database()"
                    + " and a.backend_type = 'client backend' and a.pid <> pg_backend_pid()";
            java.util.List<String> sessions = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            do {
                sessions.clear();
                try (var c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        sessions.add(rs.getString(1) + " super=" + rs.getBoolean(2) + " bypassrls=" + rs.getBoolean(3));
                    }
                }
                // The owner's migration sessions close as open() returns; they may linger a moment.
            } while (!sessions.equals(java.util.List.of(TestDatabases.RUNTIME_ROLE + " super=false bypassrls=false"))
                    && System.nanoTime() < deadline);
            assertThat(sessions).containsExactly(TestDatabases.RUNTIME_ROLE + " super=false bypassrls=false");
        }
    }

    @Test
    void the_openapi_document_names_exactly_the_routes_the_application_serves() {
        try (Application app = open()) {
            Set<Route> served = RouteInventory.of(app.resourceConfig());
            Set<Route> documented = RouteInventory.documented(OpenApiResource.load());

            Set<Route> undocumented = new TreeSet<>(served);
            undocumented.removeAll(documented);
            Set<Route> phantom = new TreeSet<>(documented);
            phantom.removeAll(served);
            assertThat(undocumented).as("served but not in docs/openapi.json").isEmpty();
            assertThat(phantom).as("in docs/openapi.json but not served").isEmpty();
            assertThat(served).contains(new Route("POST", "/api/webhooks/clerk"), new Route("POST", "/api/local/session"));
        }
    }

    @Test
    void metrics_show_requests_by_route_the_connection_pool_and_the_jvm() throws Exception {
        try (Application app = open()) {
            RunningServer server = app.startServer();
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI base = server.baseUri();
                client.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> limited = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/me"))
                        .header("Authorization", "Bearer ak_not_a_real_key").build(), HttpResponse.BodyHandlers.ofString());
                String readyz = "http_server_requests_seconds_count{method=\"GET\",route=\"/readyz\",status=\"200\"} 1";
                String metrics = "";
                // Jersey records a request when it finishes, just after the client got its answer.
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                do {
                    metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } while (!metrics.contains(readyz) && System.nanoTime() < deadline);

                assertThat(limited.statusCode()).isEqualTo(401);
                assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"auth\";q=30;w=60");
                assertThat(metrics).contains(readyz);
                assertThat(metrics).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
                assertThat(metrics).contains("aw_rate_limit_rejections_total{partition=\"auth\"}");
                assertThat(metrics).doesNotContain("ak_not_a_real_key");
            } finally {
                server.stopGracefully();
            }
        }
    }

    @Test
    void rate_limits_and_trusted_proxies_come_from_the_environment() {
        var limits = Operability.rateLimits(Map.of("AW_RATE_LIMIT_KEY_PER_MINUTE", "1200",
                "AW_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", " 5 "));

        assertThat(limits.policy(Partition.KEY).header()).isEqualTo("\"key\";q=1200;w=60");
        assertThat(limits.policy(Partition.AUTH).quota()).isEqualTo(5);
        assertThat(limits.policy(Partition.FEED).quota()).isEqualTo(120);
        assertThat(limits.policy(Partition.USER).quota()).isEqualTo(300);
        assertThat(Operability.trustedProxies(Map.of("AW_TRUSTED_PROXIES", "10.0.0.0/8"))
                .clientAddress("10.1.1.1", java.util.List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void a_bad_setting_stops_the_start_naming_its_variable() {
        assertThatThrownBy(() -> Operability.rateLimits(Map.of("AW_RATE_LIMIT_FEED_PER_MINUTE", "lots")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AW_RATE_LIMIT_FEED_PER_MINUTE");
        assertThatThrownBy(() -> Operability.rateLimits(Map.of("AW_RATE_LIMIT_USER_PER_MINUTE", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AW_RATE_LIMIT_USER_PER_MINUTE");
        assertThatThrownBy(() -> Operability.trustedProxies(Map.of("AW_TRUSTED_PROXIES", "proxy.local")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AW_TRUSTED_PROXIES");
    }
}

package org.agentworkspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardPageTest {
    static final String CLERK_HOST = "clerk.example.com";
    static final String PUBLISHABLE_KEY = "pk_test_"
            + Base64.getEncoder().encodeToString((CLERK_HOST + "$").getBytes(StandardCharsets.UTF_8));

    static final String LOCAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /** The media type as sent, without the optional spaces a server may put around parameters. */
    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LocalMode {
        PageServer server;

        @BeforeAll
        void start() {
            server = new PageServer(new DashboardPage(SignInMode.LOCAL, Optional.of(PUBLISHABLE_KEY)));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/login"})
        void servesThePageWithTheLocalSignInMetaTagOnly(String path) {
            HttpResponse<String> response = server.get(path);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(contentType(response)).isEqualTo("text/html;charset=utf-8");
            assertThat(response.body())
                    .contains("<meta name=\"aw-auth\" content=\"local\">")
                    .doesNotContain("aw-clerk-publishable-key")
                    .doesNotContain(PUBLISHABLE_KEY)
                    .doesNotContain(DashboardPage.SIGN_IN_PLACEHOLDER)
                    .contains("<script type=\"module\" src=\"/assets/app.js\"></script>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/login", "/assets/app.js", "/assets/app.css"})
        void everyPageResponseCarriesTheStrictPolicyAndSafetyHeaders(String path) {
            HttpResponse<String> response = server.get(path);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(LOCAL_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[A-Za-z0-9_-]{27}\""));
        }

        @Test
        void servesEachKindOfAssetWithItsContentType() {
            assertThat(contentType(server.get("/assets/app.js"))).isEqualTo("text/javascript;charset=utf-8");
            assertThat(contentType(server.get("/assets/app.css"))).isEqualTo("text/css;charset=utf-8");
            assertThat(contentType(server.get("/assets/favicon.svg"))).isEqualTo("image/svg+xml");
        }

        @Test
        void servesEveryModuleThePageImports() {
            for (String module : WebSources.javaScriptFiles()) {
                HttpResponse<String> response = server.get("/assets/" + module);
                assertThat(response.statusCode()).as(module).isEqualTo(200);
                assertThat(contentType(response)).as(module).isEqualTo("text/javascript;charset=utf-8");
                assertThat(response.body()).as(module).isEqualTo(WebSources.read(module));
            }
        }

        @Test
        void answersNotModifiedWhenTheBrowserHoldsTheCurrentVersion() {
            String tag = server.get("/assets/app.js").headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> again = server.get("/assets/app.js", "If-None-Match", tag);

            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(server.get("/assets/app.js", "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "/assets/nope.js",
                "/assets/index.html",
                "/assets/App.js",
                "/assets/..%2Findex.html",
                "/assets/..%2F..%2Fweb%2Fapp.js",
                "/assets/%2e%2e%2fweb%2fapp.js",
                "/assets/..%5Cweb%5Capp.js",
                "/assets/.app.js",
                "/assets/app..js",
                "/assets/web%2Fapp.js",
                "/assets/org%2Fagentworkspace%2Fapp%2Fweb%2FDashboardPage.class",
                "/assets/DashboardPage.class",
                "/assets/app.js%00.css",
                "/assets/",
                "/assets/../web/app.js",
                "/web/app.js",
                "/index.html",
        })
        void refusesUnknownAndTraversingNames(String path) {
            HttpResponse<String> response = server.get(path);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("import ").doesNotContain("<html");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ClerkMode {
        PageServer server;

        @BeforeAll
        void start() {
            server = new PageServer(new DashboardPage(SignInMode.CLERK, Optional.of(PUBLISHABLE_KEY)));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/login"})
        void servesThePageWithTheClerkModeAndItsPublishableKey(String path) {
            String body = server.get(path).body();

            assertThat(body).contains("<meta name=\"aw-auth\" content=\"clerk\">")
                    .contains("<meta name=\"aw-clerk-publishable-key\" content=\"" + PUBLISHABLE_KEY + "\">");
        }

        @Test
        void thePolicyOpensExactlyTheFrontendApiOfTheKey() {
            String policy = server.get("/").headers().firstValue("Content-Security-Policy").orElseThrow();

            assertThat(policy)
                    .contains("default-src 'self';")
                    .contains("script-src 'self' https://clerk.example.com https://challenges.cloudflare.com;")
                    .contains("connect-src 'self' https://clerk.example.com;")
                    .contains("img-src 'self' data: https://img.clerk.com;")
                    .contains("frame-ancestors 'none'")
                    .contains("base-uri 'none'")
                    .contains("object-src 'none'")
                    .doesNotContain("*")
                    .doesNotContain("unsafe-eval");
            assertThat(server.get("/").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void clerkModeWithoutAPublishableKeyKeepsTheLocalPolicyAndNamesNoKey() {
        try (PageServer server = new PageServer(new DashboardPage(SignInMode.CLERK, Optional.empty()))) {
            HttpResponse<String> response = server.get("/");

            assertThat(response.body()).contains("<meta name=\"aw-auth\" content=\"clerk\">")
                    .doesNotContain("aw-clerk-publishable-key");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(LOCAL_POLICY);
        }
    }

    /** The http module's operations resource sits at the same root path as the page. */
    @jakarta.ws.rs.Path("")
    public static final class RootNeighbour {
        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Path("healthz")
        public String health() {
            return "ok";
        }
    }

    @Test
    void sharesTheRootPathWithAnotherResource() {
        try (PageServer server = new PageServer(new DashboardPage(SignInMode.LOCAL, Optional.empty()), new RootNeighbour())) {
            assertThat(server.get("/healthz").body()).isEqualTo("ok");
            assertThat(server.get("/").body()).contains("<meta name=\"aw-auth\" content=\"local\">");
            assertThat(server.get("/assets/app.js").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesAPublishableKeyThatIsNotOne() {
        assertThatThrownBy(() -> new DashboardPage(SignInMode.CLERK, Optional.of("sk_test_abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLERK_PUBLISHABLE_KEY");
    }
}

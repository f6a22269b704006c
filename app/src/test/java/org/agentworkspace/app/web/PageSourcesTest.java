package org.agentworkspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page must run under its own CSP (no inline script or style) and must only talk to the
 * dashboard API: checked on the shipped sources, since a violation would only show in a browser.
 */
class PageSourcesTest {
    private static final Pattern IMPORT = Pattern.compile("(?:from|import\\()\\s*'\\./([^']+)'");

    @Test
    void theHtmlHasNoInlineScriptOrStyle() {
        String html = WebSources.read("index.html");

        assertThat(html).doesNotContainPattern("(?i)<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("(?i)<style")
                .doesNotContainPattern("(?i)\\sstyle=")
                .doesNotContainPattern("(?i)\\son[a-z]+=")
                .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void scriptsNeverParseMarkupOrWriteStylesOrPersistSecrets() {
        for (String file : WebSources.javaScriptFiles()) {
            String source = WebSources.read(file);
            assertThat(source).as(file)
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function")
                    .doesNotContain(".style.").doesNotContain("'style'")
                    .doesNotContain("localStorage");
        }
    }

    @Test
    void onlyTheSignInModuleTouchesSessionStorageAndOnlyForTheLocalSecret() {
        for (String file : WebSources.javaScriptFiles()) {
            String source = WebSources.read(file);
            if (file.equals("auth.js")) {
                assertThat(source).containsPattern("sessionStorage\\.setItem\\(SECRET_KEY, token\\)");
                assertThat(countOf(source, "sessionStorage.setItem")).isEqualTo(1);
            } else {
                assertThat(source).as(file).doesNotContain("sessionStorage");
            }
        }
    }

    @Test
    void theScriptsCallOnlyTheDashboardApiAndTheLocalSessionExchange() {
        Pattern call = Pattern.compile("(?:fetch|api)\\(\\s*(?:'[A-Z]+',\\s*)?'(/[^']*)'");
        List<String> paths = new ArrayList<>();
        for (String file : WebSources.javaScriptFiles()) {
            String source = WebSources.read(file);
            if (!file.equals("api.js") && !file.equals("auth.js")) {
                assertThat(source).as(file).doesNotContain("fetch(").doesNotContain("XMLHttpRequest")
                        .doesNotContain("WebSocket").doesNotContain("sendBeacon");
            }
            Matcher m = call.matcher(source);
            while (m.find()) {
                paths.add(m.group(1));
            }
        }
        assertThat(paths).contains("/api/local/session", "/api/dashboard/agents", "/api/dashboard/me")
                .allSatisfy(path -> assertThat(path).matches("/api/dashboard/.+|/api/local/session"));
        // Every other call goes through agentPath, which roots it under the dashboard API.
        assertThat(WebSources.read("api.js")).contains("['/api/dashboard/agents', agentId, ...rest]");
    }

    @Test
    void everyImportedModuleShips() {
        List<String> shipped = WebSources.javaScriptFiles();
        for (String file : shipped) {
            Matcher m = IMPORT.matcher(WebSources.read(file));
            while (m.find()) {
                assertThat(shipped).as("imported by " + file).contains(m.group(1));
            }
        }
    }

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}

package org.agentworkspace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.agentworkspace.app.InProcessApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every browser test shares: the real application (embedded PostgreSQL, local mode) started
 * in this JVM, one headless Chromium for the whole class, and the steps its scenario starts with.
 * The steps of a scenario build on each other, so they run in {@code @Order} on that one server
 * and browser. Off CI a missing browser skips the class; with {@code CI=true} it fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserScenario {
    private final String screenshotFolder;

    InProcessApplication app;
    HeadlessChromium chromium;
    AgentApi agentApi;
    URI base;

    /** @param screenshotFolder below {@code target/screenshots/}; empty for that folder itself */
    BrowserScenario(String screenshotFolder) {
        this.screenshotFolder = screenshotFolder;
    }

    @BeforeAll
    final void startApplicationAndBrowser(@TempDir Path dataDir, @TempDir Path profileDir) {
        String missing = "Debian's Chromium and chromedriver at " + HeadlessChromium.CHROMIUM + " and "
                + HeadlessChromium.CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run does)";
        // On a developer's machine a missing browser skips these tests; in CI it fails the build, so
        // a runner image without Chromium cannot turn the dashboard's proof into a silent skip.
        if (runningInCi(System.getenv())) {
            assertThat(HeadlessChromium.installed()).as("CI=true, so the browser tests must run: install " + missing).isTrue();
        }
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Browser tests skipped: they need " + missing);
        app = InProcessApplication.start(dataDir);
        base = app.baseUri();
        agentApi = new AgentApi(base);
        Path screenshots = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots").resolve(screenshotFolder);
        chromium = new HeadlessChromium(profileDir, screenshots, 1200, 860);
    }

    /** The convention of GitHub Actions, GitLab CI and most others: {@code CI=true}. */
    static boolean runningInCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
    }

    @AfterAll
    final void stopApplicationAndBrowser() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    /**
     * Signs in through the printed local URL, creates an agent named {@code name} and opens its
     * page from the list of agents.
     *
     * @return the agent's first API key, as the page showed it once
     */
    String signInAndCreateAgent(String name) {
        chromium.driver().get(app.localSignInUrl());
        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Your agents"));
        chromium.visible(By.linkText("New agent")).click();
        WebElement form = chromium.visible(By.cssSelector("main form"));
        chromium.labelled(form, "Name").sendKeys(name);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement panel = chromium.visible(By.cssSelector(".once-panel"));
        String apiKey = chromium.labelled(panel, "API key").getDomProperty("value");
        assertThat(apiKey).matches("ak_[A-Za-z0-9_-]{40}");
        chromium.visible(By.linkText("All agents")).click();
        chromium.visible(By.linkText(name)).click();
        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), name));
        return apiKey;
    }
}

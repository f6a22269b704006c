package org.agentworkspace.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver. Records every request the page
 * sends (from Chrome's performance log) and saves numbered screenshots.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path screenshots;
    private final List<URI> requests = new ArrayList<>();
    private int shot;

    HeadlessChromium(Path profileDir, Path screenshots, int width, int height) {
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // en-US fixes the order of a date field's segments (month/day/year) for tests that type dates.
        // Without the background-networking flags Chromium phones home, and a closed network refuses it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profileDir, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--lang=en-US");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // The week view starts on the browser's Monday: pin the zone so "this week" is UTC's.
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        // Chromium opens on its own new-tab page (chrome:// resources): leave it, and forget its requests.
        driver.get("about:blank");
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Waits for a visible element. */
    WebElement visible(By locator) {
        return waiting().until(d -> {
            WebElement element = d.findElement(locator);
            return element.isDisplayed() ? element : null;
        });
    }

    /** The form control whose {@code <label>} reads exactly {@code text}, inside {@code scope}. */
    WebElement labelled(WebElement scope, String text) {
        WebElement label = scope.findElement(By.xpath(".//label[normalize-space()=" + xpathLiteral(text) + "]"));
        return driver.findElement(By.id(label.getDomAttribute("for")));
    }

    /** Lets the last announcement (a toast that stays a few seconds) fade before a screenshot. */
    void waitForQuietStatus() {
        waiting().until(d -> d.findElement(By.id("status")).getText().isEmpty());
    }

    /** Lets the page read the clipboard, as a user would allow it. */
    void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    String clipboardText() {
        return (String) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, (e) => done('clipboard unreadable: ' + e));");
    }

    Path screenshot(String name) {
        shot += 1;
        Path target = screenshots.resolve(String.format("%02d-%s.png", shot, name));
        try {
            Files.createDirectories(screenshots);
            File taken = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Every request the page has sent so far (the log is drained on each read, so it is kept here). */
    List<URI> requests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    requests.add(URI.create(message.path("params").path("request").path("url").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(requests);
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}

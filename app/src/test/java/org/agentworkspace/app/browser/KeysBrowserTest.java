package org.agentworkspace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner manages an agent's API keys on its Keys tab, in one browser, and every secret the page
 * shows is tried against the agent API: a key with two scopes and an expiry is listed with them
 * and its secret, shown once, works for exactly those scopes and is gone after a reload; the
 * API's refusal (no scope, a grace over a day) is shown in its words; a rotation without grace
 * stops the old secret at once, one with an hour's grace keeps it working; a revocation asks
 * first, cancelling it keeps the key, confirming it refuses the key on its next request.
 */
class KeysBrowserTest extends BrowserScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_NAME = "Keyed helper";
    private static final String LABEL = "CI job";
    private static final By KEYS = By.cssSelector("li.key");
    /** A year ahead at noon: typed into the page as the browser's local time, which is UTC here (HeadlessChromium). */
    private static final LocalDate EXPIRY_DAY = LocalDate.now(ZoneOffset.UTC).plusYears(1).withMonth(6).withDayOfMonth(30);
    private static final String EXPIRES_AT = EXPIRY_DAY + "T12:00:00Z";

    private String firstKey;
    private String secret;

    KeysBrowserTest() {
        super("keys");
    }

    @Test
    @Order(1)
    void theAgentsFirstKeyIsListedWithEveryScopeAndNoSecret() {
        firstKey = signInAndCreateAgent(AGENT_NAME);
        chromium.visible(By.id("tab-keys")).click();
        assertThat(chromium.visible(By.id("keys-heading")).getText()).isEqualTo("API keys");

        WebElement key = chromium.visible(KEYS);
        assertThat(scopesOf(key)).containsExactly("events:read", "events:write", "docs:read", "docs:write", "webhooks:manage");
        assertThat(fact(key, "Starts with")).isEqualTo(firstKey.substring(0, 8) + "…");
        assertThat(fact(key, "Expires")).isEqualTo("Never");
        assertThat(chromium.driver().getPageSource()).doesNotContain(firstKey);
    }

    @Test
    @Order(2)
    void aKeyWithoutScopesIsRefusedInTheApisWords() {
        WebElement form = chromium.visible(By.cssSelector("form.create-key"));
        chromium.labelled(form, "Label (optional)").sendKeys(LABEL);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement scopes = form.findElement(By.tagName("fieldset"));
        WebElement error = chromium.visible(By.id(scopes.getDomAttribute("id") + "-error"));
        assertThat(error.getText()).isEqualTo("scopes must name at least one scope (leave it out for all of them)");
        assertThat(scopes.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(form.findElement(By.cssSelector(".error-box")).getText()).contains("Validation failed");
        assertThat(chromium.driver().findElements(KEYS)).hasSize(1);
    }

    @Test
    @Order(3)
    void aKeyWithTwoScopesAndAnExpiryIsListedAndItsSecretWorksForExactlyThose() throws Exception {
        WebElement form = chromium.visible(By.cssSelector("form.create-key"));
        // By keyboard: Space ticks a focused checkbox.
        chromium.labelled(form, "events:read").sendKeys(Keys.SPACE);
        chromium.labelled(form, "docs:read").sendKeys(Keys.SPACE);
        new Select(chromium.labelled(form, "Expires")).selectByVisibleText("On a date I choose");
        WebElement date = chromium.labelled(form, "Expiry date and time");
        assertThat(date.isDisplayed()).isTrue();
        typeDateTime(date, EXPIRY_DAY, "1200PM");
        assertThat(date.getDomProperty("value")).isEqualTo(EXPIRY_DAY + "T12:00");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement panel = secretPanel("New key “" + LABEL + "”");
        assertThat(panel.getText()).contains("you will not see it again");
        secret = chromium.labelled(panel, "API key").getDomProperty("value");
        assertThat(secret).matches("ak_[A-Za-z0-9_-]{40}").isNotEqualTo(firstKey);
        chromium.allowClipboard(base.toString());
        WebElement copy = panel.findElement(By.xpath(".//button[normalize-space()='Copy']"));
        copy.click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        assertThat(chromium.clipboardText()).isEqualTo(secret);

        WebElement key = keyRow(LABEL);
        assertThat(scopesOf(key)).containsExactly("events:read", "docs:read");
        assertThat(key.findElement(By.xpath(".//dt[.='Expires']/following-sibling::dd[1]/time")).getDomAttribute("datetime"))
                .isEqualTo(EXPIRES_AT);
        assertThat(fact(key, "Starts with")).isEqualTo(secret.substring(0, 8) + "…");
        assertThat(fact(key, "Last used")).isEqualTo("never");
        chromium.waitForQuietStatus();
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", panel);
        chromium.screenshot("key-created-secret-shown");

        HttpResponse<String> me = agentApi.me(secret);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(me.body()).path("key");
        assertThat(shown.path("label").asText()).isEqualTo(LABEL);
        assertThat(shown.path("scopes")).extracting(JsonNode::asText).containsExactly("events:read", "docs:read");
        assertThat(shown.path("expiresAt").asText()).isEqualTo(EXPIRES_AT);
        HttpResponse<String> write = agentApi.createEvent(secret,
                "{\"title\":\"Not mine to write\",\"start\":\"2026-06-01T09:00:00Z\",\"end\":\"2026-06-01T10:00:00Z\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(write.body())).isEqualTo(JSON.readTree("{\"error\":\"This key lacks the scope events:write\"}"));
    }

    @Test
    @Order(4)
    void theSecretIsGoneAfterTheOwnerIsDoneAndAfterAReload() {
        chromium.visible(By.xpath("//div[contains(@class,'once-panel')]//button[normalize-space()='Done, I have copied it']")).click();
        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".once-panel"), 0));
        assertThat(chromium.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("keys-heading");

        chromium.driver().navigate().refresh();

        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(KEYS, 2));
        assertThat(chromium.driver().findElement(By.id("tab-keys")).getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(scopesOf(keyRow(LABEL))).containsExactly("events:read", "docs:read");
        assertThat(chromium.driver().findElements(By.cssSelector(".once-panel"))).isEmpty();
        assertThat(chromium.driver().getPageSource()).doesNotContain(secret).doesNotContain(firstKey);
        assertThat((String) chromium.driver().executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href + document.cookie;"))
                .doesNotContain(secret);
    }

    @Test
    @Order(5)
    void aGraceOverADayIsRefusedInTheApisWordsAndTheSecretStays() {
        WebElement dialog = openRotation(LABEL);
        chromium.labelled(dialog, "Custom grace in seconds").sendKeys("90000");
        assertThat(chromium.labelled(dialog, "Custom").isSelected()).isTrue();
        dialog.findElement(By.xpath(".//button[normalize-space()='Rotate secret']")).click();

        WebElement error = chromium.waiting().until(d -> {
            WebElement box = keyRow(LABEL).findElement(By.cssSelector(".error-box"));
            return box.isDisplayed() ? box : null;
        });
        assertThat(error.getText()).contains("graceSeconds must be between 0 and 86400");
        assertThat(chromium.driver().findElements(By.cssSelector(".once-panel"))).isEmpty();
        assertThat(agentApi.me(secret).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void rotatingWithoutGraceStopsTheOldSecretAtOnce() {
        String keyId = keyRow(LABEL).getDomAttribute("data-key-id");
        WebElement dialog = openRotation(LABEL);
        assertThat(chromium.labelled(dialog, "No grace: the current secret fails at once").isSelected()).isTrue();
        chromium.screenshot("rotate-grace-choice");
        dialog.findElement(By.xpath(".//button[normalize-space()='Rotate secret']")).click();

        WebElement panel = secretPanel("New secret for “" + LABEL + "”");
        String rotated = chromium.labelled(panel, "API key").getDomProperty("value");
        assertThat(rotated).matches("ak_[A-Za-z0-9_-]{40}").isNotEqualTo(secret);
        WebElement key = keyRow(LABEL);
        assertThat(key.getDomAttribute("data-key-id")).isEqualTo(keyId);
        assertThat(fact(key, "Starts with")).isEqualTo(rotated.substring(0, 8) + "…");
        assertThat(key.findElements(By.cssSelector(".grace"))).isEmpty();

        assertThat(agentApi.me(secret).statusCode()).isEqualTo(401);
        assertThat(agentApi.me(rotated).statusCode()).isEqualTo(200);
        secret = rotated;
    }

    @Test
    @Order(7)
    void rotatingWithAnHoursGraceKeepsTheOldSecretWorking() {
        WebElement first = chromium.driver().findElements(KEYS).get(0);
        String title = first.findElement(By.tagName("h3")).getText();
        WebElement dialog = openRotation(title);
        chromium.labelled(dialog, "1 hour").click();
        dialog.findElement(By.xpath(".//button[normalize-space()='Rotate secret']")).click();

        WebElement panel = secretPanel("New secret for “" + title + "”");
        String rotated = chromium.labelled(panel, "API key").getDomProperty("value");
        assertThat(rotated).isNotEqualTo(firstKey).isNotEqualTo(secret);
        assertThat(keyRow(title).findElement(By.cssSelector(".grace")).getText())
                .startsWith("The previous secret keeps working until about");

        assertThat(agentApi.me(firstKey).statusCode()).isEqualTo(200);
        assertThat(agentApi.me(rotated).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void revokingAsksFirstAndCancellingKeepsTheKey() {
        keyRow(LABEL).findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        WebElement dialog = chromium.visible(By.cssSelector("dialog.confirm[open]"));
        assertThat(dialog.getText()).contains("Revoke “" + LABEL + "”?", "cannot be undone");
        // The dialog starts on Cancel, so Enter by habit does not revoke.
        assertThat(chromium.driver().switchTo().activeElement().getText()).isEqualTo("Cancel");
        chromium.screenshot("revoke-confirmation");
        chromium.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog.confirm"), 0));
        assertThat(chromium.driver().findElements(KEYS)).hasSize(2);
        assertThat(agentApi.me(secret).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void aConfirmedRevocationRefusesTheKeyOnItsNextRequest() {
        keyRow(LABEL).findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        chromium.visible(By.cssSelector("dialog.confirm[open]"))
                .findElement(By.xpath(".//button[normalize-space()='Revoke key']")).click();

        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(KEYS, 1));
        assertThat(agentApi.me(secret).statusCode()).isEqualTo(401);
        chromium.driver().navigate().refresh();
        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(KEYS, 1));
        assertThat(chromium.driver().findElements(By.xpath("//li[contains(@class,'key')]/h3[starts-with(normalize-space(),'"
                + LABEL + "')]"))).isEmpty();
    }

    @Test
    @Order(10)
    void theSecurityTabListsTheKeysHistory() {
        chromium.visible(By.id("tab-security")).click();
        chromium.visible(By.cssSelector("table.audit tbody tr"));
        List<String> actions = chromium.driver().findElements(By.cssSelector("table.audit tbody tr td:nth-child(2)"))
                .stream().map(WebElement::getText).toList();
        assertThat(actions).contains("API key created", "API key rotated", "API key revoked");
    }

    private WebElement keyRow(String title) {
        return chromium.visible(By.xpath("//li[contains(@class,'key')][h3[starts-with(normalize-space(),'" + title + "')]]"));
    }

    /** The once-panel of the secret named {@code title} (an earlier panel is replaced, so wait for this one). */
    private WebElement secretPanel(String title) {
        By panel = By.cssSelector("#agent-panel .once-panel");
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(panel, title));
        return chromium.visible(panel);
    }

    private WebElement openRotation(String title) {
        keyRow(title).findElement(By.xpath(".//button[normalize-space()='Rotate secret']")).click();
        WebElement dialog = chromium.visible(By.cssSelector("dialog.confirm[open]"));
        assertThat(dialog.getText()).contains("Rotate the secret of “" + title + "”?");
        return dialog;
    }

    private static List<String> scopesOf(WebElement key) {
        return key.findElements(By.cssSelector("ul.scopes li")).stream().map(WebElement::getText).toList();
    }

    private static String fact(WebElement key, String term) {
        return key.findElement(By.xpath(".//dt[.='" + term + "']/following-sibling::dd[1]")).getText();
    }

    /** Types into a {@code datetime-local} field segment by segment, as a keyboard user of an en-US browser does. */
    private static void typeDateTime(WebElement input, LocalDate day, String time) {
        input.sendKeys(String.format("%02d%02d%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear()));
        input.sendKeys(Keys.TAB);
        input.sendKeys(time);
    }
}

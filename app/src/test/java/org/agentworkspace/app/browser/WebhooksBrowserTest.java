package org.agentworkspace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The owner manages an agent's webhooks on its page, in one browser: a refused URL is explained
 * at the field, an added webhook shows its signing secret once, a change the agent makes appears
 * among the recent deliveries with its status and next attempt, and removing it asks first.
 * The endpoint is a documentation address (203.0.113.10, TEST-NET-3): public to the address
 * guard, reachable by nobody, so deliveries stay pending and no request leaves the test.
 */
class WebhooksBrowserTest extends BrowserScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_NAME = "Hooked helper";
    private static final String ENDPOINT = "https://203.0.113.10/hooks";

    private String apiKey;

    WebhooksBrowserTest() {
        super("webhooks");
    }

    @Test
    @Order(1)
    void signsInAndCreatesAnAgent() {
        apiKey = signInAndCreateAgent(AGENT_NAME);
        chromium.visible(By.id("tab-webhooks")).click();
        assertThat(chromium.visible(By.id("webhooks-heading")).getText()).isEqualTo("Webhooks");
    }

    @Test
    @Order(2)
    void aPlainHttpUrlIsRefusedAtTheField() {
        WebElement form = chromium.visible(By.cssSelector("form.create-webhook"));
        WebElement url = chromium.labelled(form, "Endpoint URL");
        url.sendKeys("http://127.0.0.1:9/hooks");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = chromium.visible(By.id(url.getDomAttribute("id") + "-error"));
        assertThat(error.getText()).contains("https://");
        assertThat(url.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(chromium.driver().findElements(By.cssSelector("li.webhook"))).isEmpty();
        url.clear();
    }

    @Test
    @Order(3)
    void anAddedWebhookShowsItsSecretOnce() {
        WebElement form = chromium.visible(By.cssSelector("form.create-webhook"));
        chromium.labelled(form, "Endpoint URL").sendKeys(ENDPOINT);
        chromium.driver().findElement(By.cssSelector("label[for=wh-type-document-created]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement secretPanel = chromium.visible(By.cssSelector("#agent-panel .once-panel"));
        assertThat(secretPanel.getText()).contains("you will not see it again");
        String secret = chromium.labelled(secretPanel, "Signing secret").getDomProperty("value");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/=]{40,}");
        WebElement item = chromium.visible(By.cssSelector("li.webhook"));
        assertThat(item.getText()).contains(ENDPOINT, "event.created").doesNotContain("document.created");
        chromium.screenshot("webhook-added-secret-shown");

        // Listed again from the server, the webhook never carries its secret.
        chromium.visible(By.id("tab-events")).click();
        chromium.visible(By.id("tab-webhooks")).click();
        chromium.visible(By.cssSelector("li.webhook"));
        assertThat(chromium.driver().findElements(By.cssSelector("#agent-panel .once-panel"))).isEmpty();
        assertThat(chromium.driver().getPageSource()).doesNotContain(secret);
    }

    @Test
    @Order(4)
    void aChangeOfTheAgentIsListedAmongTheDeliveries() throws Exception {
        HttpResponse<String> created = agentApi.createEvent(apiKey, JSON.writeValueAsString(Map.of(
                "title", "Announced", "start", "2026-06-01T09:00:00Z", "end", "2026-06-01T10:00:00Z")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        WebElement show = chromium.visible(By.xpath("//li[contains(@class,'webhook')]//button[normalize-space()='Show deliveries']"));
        show.click();
        WebElement row = chromium.visible(By.cssSelector("table.deliveries tbody tr.delivery"));
        assertThat(row.getText()).contains("event.created");
        assertThat(row.getText()).containsAnyOf("Pending", "Failed");
        assertThat(chromium.driver().findElements(By.cssSelector("table.deliveries th")))
                .extracting(WebElement::getText).contains("Status", "Next attempt");
        chromium.screenshot("webhook-deliveries");
    }

    @Test
    @Order(5)
    void removingTheWebhookAsksFirst() {
        chromium.visible(By.xpath("//li[contains(@class,'webhook')]//button[normalize-space()='Remove']")).click();
        WebElement dialog = chromium.visible(By.cssSelector("dialog.confirm[open]"));
        assertThat(dialog.getText()).contains(ENDPOINT);
        dialog.findElement(By.xpath(".//button[normalize-space()='Remove webhook']")).click();

        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.webhook"), 0));
        assertThat(chromium.visible(By.xpath("//p[contains(normalize-space(),'No webhooks')]")).isDisplayed()).isTrue();
    }
}

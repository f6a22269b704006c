package org.agentworkspace.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An owner's first session with the dashboard, step by step in one browser: sign in through the
 * printed local URL, create an agent and take its key, let the agent write an event and see it in
 * the week view, share a busy-only feed, replace its keys, suspend the agent. Each step saves a
 * screenshot under {@code target/screenshots/}.
 */
class DashboardBrowserTest extends BrowserScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_NAME = "Calendar helper";
    private static final String EVENT_TITLE = "Planning with Alex";
    private static final String SERIES_TITLE = "Daily sync";
    private static final String CHANGED_SERIES_TITLE = "Team lunch";
    private static final String PRIVATE_DESCRIPTION = "Budget numbers, not for the feed";
    private static final String PRIVATE_LOCATION = "Room 4.12";
    private static final String FEED_LABEL = "Busy times for Alex";
    private static final Set<String> PAGE_PATHS = Set.of("/", "/login", "/api/local/session");
    private static final List<String> PAGE_PATH_PREFIXES = List.of("/assets/", "/api/dashboard/");

    private String apiKey;
    private String oldApiKey;
    private String feedUrl;

    DashboardBrowserTest() {
        super("");
    }

    @Test
    @Order(1)
    void signsInThroughTheLocalUrlAndTheSecretLeavesTheAddressBar() {
        chromium.driver().get(base + "/login");
        WebElement signInHeading = chromium.visible(By.cssSelector("main h1"));
        assertThat(signInHeading.getText()).isEqualTo("Sign in");
        assertThat(chromium.visible(By.cssSelector(".signin-message")).getText()).contains("agentworkspace.jar login");
        chromium.screenshot("sign-in-needed");

        chromium.driver().get(app.localSignInUrl());

        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Your agents"));
        assertThat(chromium.driver().getCurrentUrl()).isEqualTo(base + "/");
        assertThat(chromium.visible(By.cssSelector(".empty")).getText()).contains("No agents yet");
        assertThat(chromium.driver().findElement(By.id("account")).getText()).contains("Sign out");
        chromium.screenshot("signed-in");
    }

    @Test
    @Order(2)
    void createsAnAgentAndShowsItsKeyOnce() {
        chromium.visible(By.linkText("New agent")).click();
        WebElement form = chromium.visible(By.cssSelector("main form"));
        chromium.labelled(form, "Name").sendKeys(AGENT_NAME);
        chromium.labelled(form, "Description (optional)").sendKeys("Books meetings for the team.");
        assertThat(chromium.labelled(form, "Time zone").getDomProperty("value")).isEqualTo("UTC");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), AGENT_NAME + " is ready"));
        WebElement panel = chromium.visible(By.cssSelector(".once-panel"));
        assertThat(panel.getText()).contains("you will not see it again");
        apiKey = chromium.labelled(panel, "API key").getDomProperty("value");
        assertThat(apiKey).matches("ak_[A-Za-z0-9_-]{40}");
        chromium.allowClipboard(base.toString());
        WebElement copy = panel.findElement(By.xpath(".//button[normalize-space()='Copy']"));
        copy.click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        assertThat(chromium.clipboardText()).isEqualTo(apiKey);
        chromium.screenshot("agent-created-key-shown");

        // The key lives in the page only: nothing the browser keeps holds it.
        Object stored = chromium.driver().executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href + document.cookie;");
        assertThat((String) stored).doesNotContain(apiKey);
        assertThat(agentApi.me(apiKey).statusCode()).isEqualTo(200);

        chromium.visible(By.linkText("All agents")).click();
        WebElement card = chromium.visible(By.cssSelector(".cards .card"));
        assertThat(card.getText()).contains(AGENT_NAME, "Active", "Books meetings for the team.");
        chromium.screenshot("agent-list");
    }

    @Test
    @Order(3)
    void anEventTheAgentCreatesShowsInTheWeekView() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        HttpResponse<String> single = agentApi.createEvent(apiKey, JSON.writeValueAsString(Map.of(
                "title", EVENT_TITLE, "start", today + "T10:00:00Z", "end", today + "T11:30:00Z",
                "description", PRIVATE_DESCRIPTION, "location", PRIVATE_LOCATION)));
        HttpResponse<String> series = agentApi.createEvent(apiKey, JSON.writeValueAsString(Map.of(
                "title", SERIES_TITLE, "start", monday + "T08:00:00Z", "end", monday + "T08:15:00Z",
                "rrule", "FREQ=DAILY;COUNT=7")));
        assertThat(single.statusCode()).as(single.body()).isEqualTo(201);
        assertThat(series.statusCode()).as(series.body()).isEqualTo(201);
        // A second series, with Tuesday's occurrence moved to Wednesday afternoon and Wednesday's own cancelled.
        HttpResponse<String> lunch = agentApi.createEvent(apiKey, JSON.writeValueAsString(Map.of(
                "title", CHANGED_SERIES_TITLE, "start", monday + "T12:00:00Z", "end", monday + "T12:30:00Z",
                "rrule", "FREQ=DAILY;COUNT=3")));
        assertThat(lunch.statusCode()).as(lunch.body()).isEqualTo(201);
        String lunchId = JSON.readTree(lunch.body()).path("event").path("id").asText();
        HttpResponse<String> moved = agentApi.changeOccurrence(apiKey, lunchId, monday.plusDays(1) + "T12:00:00Z",
                JSON.writeValueAsString(Map.of("start", monday.plusDays(2) + "T15:00:00Z",
                        "end", monday.plusDays(2) + "T15:30:00Z")));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        HttpResponse<String> cancelled = agentApi.cancelOccurrence(apiKey, lunchId, monday.plusDays(2) + "T12:00:00Z");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        chromium.visible(By.linkText(AGENT_NAME)).click();

        By todaysEvent = By.xpath("//section[contains(@class,'day')][.//time[@datetime='" + today + "']]"
                + "//li[contains(@class,'event')][.//span[@class='title' and normalize-space()='" + EVENT_TITLE + "']]");
        WebElement event = chromium.visible(todaysEvent);
        assertThat(event.getText()).contains("10:00", "11:30");
        List<String> seriesDays = chromium.driver().findElements(By.xpath(
                        "//div[@class='week']/section[.//span[@class='title' and normalize-space()='" + SERIES_TITLE + "']]//h3/time"))
                .stream().map(day -> day.getDomAttribute("datetime")).collect(Collectors.toList());
        assertThat(seriesDays).containsExactlyElementsOf(
                monday.datesUntil(monday.plusDays(7)).map(LocalDate::toString).collect(Collectors.toList()));
        assertThat(chromium.driver().findElement(By.id("tab-events")).getDomAttribute("aria-selected")).isEqualTo("true");

        // The moved occurrence shows on the day and at the time it moved to, marked; the cancelled one not at all.
        List<WebElement> lunches = chromium.driver().findElements(By.xpath("//div[@class='week']/section"
                + "//li[contains(@class,'event')][.//span[@class='title' and normalize-space()='" + CHANGED_SERIES_TITLE + "']]"));
        assertThat(lunches).hasSize(2);
        WebElement mondayLunch = chromium.visible(By.xpath("//section[contains(@class,'day')][.//time[@datetime='" + monday
                + "']]//li[contains(@class,'event')][.//span[@class='title' and normalize-space()='" + CHANGED_SERIES_TITLE + "']]"));
        assertThat(mondayLunch.getDomAttribute("class")).isEqualTo("event");
        assertThat(mondayLunch.findElements(By.cssSelector(".badge.changed"))).isEmpty();
        WebElement movedLunch = chromium.visible(By.xpath("//section[contains(@class,'day')][.//time[@datetime='"
                + monday.plusDays(2) + "']]//li[contains(@class,'event')][.//span[@class='title' and normalize-space()='"
                + CHANGED_SERIES_TITLE + "']]"));
        assertThat(movedLunch.getDomAttribute("class")).isEqualTo("event modified");
        // The browser's locale decides between 15:00 and 3:00 PM.
        assertThat(movedLunch.getText()).containsAnyOf("15:00", "3:00").containsAnyOf("15:30", "3:30")
                .contains("moved").doesNotContain("12:00");
        assertThat(movedLunch.findElement(By.cssSelector(".badge.changed")).getDomAttribute("title"))
                .startsWith("Moved from ");
        chromium.waitForQuietStatus();
        chromium.screenshot("week-view");
    }

    @Test
    @Order(4)
    void aDocumentTheAgentWritesIsRenderedReadOnly() throws Exception {
        HttpResponse<String> created = agentApi.createDocument(apiKey, JSON.writeValueAsString(Map.of(
                "title", "Weekly plan", "content", "# Goals\n\n- ship the **feed**\n- [docs](https://example.com)\n\n"
                        + "<script>alert(1)</script>")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        chromium.visible(By.id("tab-documents")).click();
        chromium.visible(By.xpath("//ul[@class='documents']//button[normalize-space()='Weekly plan']")).click();

        WebElement document = chromium.visible(By.cssSelector("article.document"));
        assertThat(document.findElement(By.tagName("h4")).getText()).isEqualTo("Goals");
        assertThat(document.findElement(By.cssSelector("li strong")).getText()).isEqualTo("feed");
        assertThat(document.findElement(By.cssSelector("li a")).getDomAttribute("href")).isEqualTo("https://example.com");
        // Markup in a document is shown as text, never run.
        assertThat(document.getText()).contains("<script>alert(1)</script>");
        assertThat(document.findElements(By.tagName("script"))).isEmpty();
        chromium.screenshot("document");
    }

    @Test
    @Order(5)
    void aBusyOnlyFeedHidesTitlesDescriptionsAndLocations() {
        chromium.visible(By.id("tab-settings")).click();
        WebElement form = chromium.visible(By.cssSelector("form.create-feed"));
        chromium.labelled(form, "Label (optional)").sendKeys(FEED_LABEL);
        chromium.labelled(form, "Email (optional)").sendKeys("alex@example.com");
        new Select(chromium.labelled(form, "Detail")).selectByValue("busy");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        By newFeed = By.xpath("//li[contains(@class,'feed')][h3[contains(normalize-space(),'" + FEED_LABEL + "')]]");
        WebElement feed = chromium.visible(newFeed);
        assertThat(feed.getText()).contains("Busy times only", "For alex@example.com");
        feedUrl = chromium.labelled(feed, "Feed URL").getDomProperty("value");
        assertThat(feedUrl).startsWith(base + "/api/cal/");

        HttpResponse<String> ics = agentApi.fetchFeed(feedUrl);

        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(ics.body()).contains("BEGIN:VCALENDAR", "SUMMARY:Busy", "RRULE:FREQ=DAILY;COUNT=7")
                .doesNotContain("DESCRIPTION", "LOCATION", EVENT_TITLE, SERIES_TITLE, PRIVATE_LOCATION);

        // Opening the tab again reloads the feeds: the fetch is recorded with the calendar app's name.
        chromium.driver().findElement(By.id("tab-events")).click();
        chromium.visible(By.cssSelector(".week-view"));
        chromium.driver().findElement(By.id("tab-settings")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(newFeed, AgentApi.CALENDAR_CLIENT));
        assertThat(chromium.driver().findElements(By.cssSelector("li.feed"))).hasSize(2);
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})",
                chromium.driver().findElement(By.id("feeds-heading")));
        chromium.screenshot("settings-subscriptions");
    }

    @Test
    @Order(6)
    void replacingAllKeysStopsTheOldOneAtOnce() {
        chromium.visible(By.id("tab-keys")).click();
        WebElement replace = chromium.visible(By.xpath("//button[normalize-space()='Replace all keys']"));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", replace);
        replace.click();
        WebElement dialog = chromium.visible(By.cssSelector("dialog.confirm[open]"));
        assertThat(dialog.getText()).contains("Replace every key of this agent?", "stops working at once");
        chromium.screenshot("replace-keys-confirmation");
        dialog.findElement(By.xpath(".//button[normalize-space()='Replace all keys']")).click();

        WebElement panel = chromium.visible(By.cssSelector("#agent-panel .once-panel"));
        oldApiKey = apiKey;
        apiKey = chromium.labelled(panel, "API key").getDomProperty("value");
        assertThat(apiKey).matches("ak_[A-Za-z0-9_-]{40}").isNotEqualTo(oldApiKey);
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.key"),
                apiKey.substring(0, 8) + "…"));
        assertThat(chromium.driver().findElements(By.cssSelector("li.key"))).hasSize(1);
        chromium.screenshot("keys-replaced");

        assertThat(agentApi.me(oldApiKey).statusCode()).isEqualTo(401);
        HttpResponse<String> withNewKey = agentApi.me(apiKey);
        assertThat(withNewKey.statusCode()).isEqualTo(200);
        assertThat(withNewKey.body()).contains(AGENT_NAME);
    }

    @Test
    @Order(7)
    void aSuspendedAgentIsRefusedButItsFeedsKeepServing() throws Exception {
        chromium.visible(By.id("tab-settings")).click();
        WebElement suspended = chromium.visible(By.id("status-suspended"));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", suspended);
        chromium.driver().findElement(By.cssSelector("label[for=status-suspended]")).click();
        assertThat(suspended.isSelected()).isTrue();
        chromium.driver().findElement(By.xpath("//button[normalize-space()='Change status']")).click();

        chromium.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".page-head .badge"), "Suspended"));
        chromium.driver().executeScript("window.scrollTo(0, 0)");
        chromium.screenshot("suspended");

        HttpResponse<String> refused = agentApi.me(apiKey);
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body).isEqualTo(JSON.readTree("{\"error\":\"Agent is suspended\"}"));
        assertThat(agentApi.fetchFeed(feedUrl).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void atPhoneWidthTheWeekIsOneColumnAndNothingScrollsSideways() {
        chromium.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            chromium.visible(By.id("tab-events")).click();
            WebElement days = chromium.visible(By.cssSelector(".week"));
            List<WebElement> columns = days.findElements(By.cssSelector("section.day"));
            assertThat(columns).hasSize(7);
            assertThat(columns.get(1).getLocation().getY()).isGreaterThan(columns.get(0).getLocation().getY());
            Object overflow = chromium.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            chromium.screenshot("phone-week-view");
        } finally {
            chromium.driver().manage().window().setSize(new Dimension(1200, 860));
        }
    }

    @Test
    @Order(9)
    void thePageTalksOnlyToItsOwnServerAndOnlyToTheDashboardApi() {
        List<URI> requests = chromium.requests();

        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getScheme() + "://" + request.getAuthority()).as(request.toString())
                    .isEqualTo(base.getScheme() + "://" + base.getAuthority());
            String path = request.getPath();
            assertThat(PAGE_PATHS.contains(path) || PAGE_PATH_PREFIXES.stream().anyMatch(path::startsWith))
                    .as("request to %s", request).isTrue();
        });
        // The steps above really went through the dashboard API, so the check has something to check.
        assertThat(requests).extracting(URI::getPath)
                .contains("/api/local/session", "/api/dashboard/agents", "/assets/app.js");
    }
}

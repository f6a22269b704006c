package org.agentworkspace.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recurring series on the real stack (API.md, "Recurring series: occurrences and exceptions" and
 * "Free/busy"): every occurrence route and status, DST in Europe/Berlin, two agents of one owner,
 * and the feed expanded by a calendar library giving exactly what {@code expand=true} lists.
 */
class RecurringSeriesIT extends OnItStack {
    /** Tuesdays 09:00–09:30 Berlin from 17 March 2026: 08:00Z before 29 March, 07:00Z until 25 October, 08:00Z after. */
    private static final String BERLIN_WEEKLY = "{\"title\":\"Standup\",\"start\":\"2026-03-17T09:00:00+01:00\","
            + "\"end\":\"2026-03-17T09:30:00+01:00\",\"rrule\":\"FREQ=WEEKLY;BYDAY=TU\",\"timezone\":\"Europe/Berlin\"}";

    private static ItStack.NewAgent newAgent() {
        return newAgentOf("user_series");
    }

    private static String create(ItStack.NewAgent agent, String json) {
        Reply created = stack.call("POST", "/api/v1/events", agent.apiKey(), json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("event").path("id").asText();
    }

    private static String occurrence(String seriesId, String originalStart) {
        return "/api/v1/events/" + seriesId + "/occurrences/" + originalStart;
    }

    private static String occurrences(String seriesId, String from, String before) {
        return "/api/v1/events/" + seriesId + "/occurrences?start_after=" + from + "&start_before=" + before;
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static String etag(ItStack.NewAgent agent, String eventId) {
        return ok(stack.get("/api/v1/events/" + eventId, agent.apiKey())).header("ETag").orElseThrow();
    }

    @Test
    void occurrencesAreListedAndReadByTheirOriginalStart() {
        ItStack.NewAgent agent = newAgent();
        String id = create(agent, BERLIN_WEEKLY);

        Reply list = ok(stack.get(occurrences(id, "2026-03-16T00:00:00Z", "2026-04-08T00:00:00Z"), agent.apiKey()));

        JsonNode items = list.json().path("occurrences");
        assertThat(texts(items, "originalStart")).containsExactly("2026-03-17T08:00:00Z", "2026-03-24T08:00:00Z",
                "2026-03-31T07:00:00Z", "2026-04-07T07:00:00Z");
        JsonNode first = items.get(0);
        assertThat(first.path("recurringEventId").asText()).isEqualTo(id);
        assertThat(first.path("start").asText()).isEqualTo("2026-03-17T08:00:00Z");
        assertThat(first.path("end").asText()).isEqualTo("2026-03-17T08:30:00Z");
        assertThat(first.path("allDay").asBoolean()).isFalse();
        assertThat(first.path("title").asText()).isEqualTo("Standup");
        assertThat(first.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(first.path("modified").asBoolean()).isFalse();
        assertThat(first.has("description") && first.has("location") && first.has("color")).isTrue();
        Reply paged = ok(stack.get(occurrences(id, "2026-03-16T00:00:00Z", "2026-04-08T00:00:00Z") + "&limit=2&offset=1",
                agent.apiKey()));
        assertThat(texts(paged.json().path("occurrences"), "originalStart"))
                .containsExactly("2026-03-24T08:00:00Z", "2026-03-31T07:00:00Z");

        Reply one = ok(stack.get(occurrence(id, "2026-03-31T07:00:00Z"), agent.apiKey()));
        assertThat(one.json().path("occurrence").path("start").asText()).isEqualTo("2026-03-31T07:00:00Z");
        assertThat(one.header("ETag")).contains(etag(agent, id));
        // Any spelling of the same instant names it; the answer spells it canonically.
        Reply offsetSpelling = ok(stack.get(occurrence(id, "2026-03-31T09:00:00%2B02:00"), agent.apiKey()));
        assertThat(offsetSpelling.json().path("occurrence").path("originalStart").asText()).isEqualTo("2026-03-31T07:00:00Z");

        JsonNode series = ok(stack.get("/api/v1/events/" + id, agent.apiKey())).json().path("event");
        assertThat(strings(series.path("cancelledOccurrences"))).isEmpty();
        assertThat(strings(series.path("modifiedOccurrences"))).isEmpty();
    }

    @Test
    void theContractsNotFoundsAndBadRequests() {
        ItStack.NewAgent agent = newAgent();
        String id = create(agent, BERLIN_WEEKLY);
        String single = create(agent, "{\"title\":\"Once\",\"start\":\"2026-03-17T10:00:00Z\",\"end\":\"2026-03-17T11:00:00Z\"}");
        String key = agent.apiKey();
        String window = "?start_after=2026-03-01T00:00:00Z&start_before=2026-04-01T00:00:00Z";

        JsonNode oneOff = ok(stack.get("/api/v1/events/" + single, key)).json().path("event");
        assertThat(oneOff.has("cancelledOccurrences") || oneOff.has("modifiedOccurrences")
                || oneOff.has("recurringEventId") || oneOff.has("originalStart")).isFalse();
        for (String path : List.of(
                "/api/v1/events/" + UUID.randomUUID() + "/occurrences" + window,
                "/api/v1/events/not-a-uuid/occurrences" + window,
                "/api/v1/events/" + single + "/occurrences" + window,
                occurrence(id, "2026-03-31T08:00:00Z"),      // 09:00 Berlin is 07:00Z after the switch: no such occurrence
                occurrence(id, "2026-03-18T08:00:00Z"),      // a Wednesday
                occurrence(id, "2026-03-10T08:00:00Z"),      // before the series starts
                occurrence(id, "yesterday"),
                occurrence(single, "2026-03-17T10:00:00Z"),
                occurrence(UUID.randomUUID().toString(), "2026-03-17T08:00:00Z"))) {
            Reply reply = stack.get(path, key);
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(404);
            assertThat(reply.json().path("error").asText()).isNotEmpty();
        }
        assertThat(stack.call("PATCH", occurrence(id, "2026-03-18T08:00:00Z"), key, "{\"title\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(stack.call("DELETE", occurrence(id, "2026-03-18T08:00:00Z"), key, null).status()).isEqualTo(404);
        assertThat(stack.call("DELETE", occurrence(id, "2026-03-18T08:00:00Z") + "?following=true", key, null).status())
                .isEqualTo(404);

        Reply noBounds = stack.get("/api/v1/events/" + id + "/occurrences", key);
        assertThat(noBounds.status()).isEqualTo(400);
        assertThat(texts(noBounds.json().path("issues"), "path")).containsExactly("start_after", "start_before");
        assertThat(stack.get("/api/v1/events/" + id + "/occurrences" + window + "&limit=501", key).status()).isEqualTo(400);
        Reply tooMany = stack.call("POST", "/api/v1/events", key, "{\"title\":\"Tick\",\"start\":\"2026-03-01T00:00:00Z\","
                + "\"end\":\"2026-03-01T00:00:00Z\",\"rrule\":\"FREQ=MINUTELY\"}");
        String tick = tooMany.json().path("event").path("id").asText();
        Reply capped = stack.get("/api/v1/events/" + tick + "/occurrences" + window, key);
        assertThat(capped.status()).as(capped.body()).isEqualTo(400);

        Reply unknownField = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"rrule\":\"FREQ=DAILY\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("issues").get(0).path("message").asText())
                .contains("rrule", "title, start, end, description, location, color", "following=true");
        Reply backwards = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"end\":\"2026-03-24T07:00:00Z\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(texts(backwards.json().path("issues"), "path")).containsExactly("end");
        Reply badColor = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key,
                "{\"color\":\"red\",\"title\":\"" + "t".repeat(501) + "\"}");
        assertThat(texts(badColor.json().path("issues"), "path")).containsExactlyInAnyOrder("color", "title");
        Reply badFollowing = stack.call("DELETE", occurrence(id, "2026-03-24T08:00:00Z") + "?following=yes", key, null);
        assertThat(badFollowing.status()).isEqualTo(400);
        assertThat(stack.call("PUT", occurrence(id, "2026-03-24T08:00:00Z") + "?following=true", key, "{}").status())
                .isEqualTo(400);
        // Nothing of the refused requests was stored.
        assertThat(stack.count("select count(*) from event_exceptions where event_id = ?", UUID.fromString(id))).isZero();
    }

    @Test
    void anOverrideMovesOneOccurrenceAndMovesTheSeriesVersion() {
        ItStack.NewAgent agent = newAgent();
        String id = create(agent, BERLIN_WEEKLY);
        String key = agent.apiKey();
        JsonNode before = ok(stack.get("/api/v1/events/" + id, key)).json().path("event");
        String etag = etag(agent, id);

        Reply stale = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"title\":\"x\"}",
                "If-Match", "\"v99\"");
        assertThat(stale.status()).isEqualTo(412);
        Reply moved = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key,
                "{\"start\":\"2026-03-25T14:00:00+01:00\",\"title\":\"Standup (moved)\",\"location\":\"Room 2\"}",
                "If-Match", etag);

        ok(moved);
        JsonNode occurrence = moved.json().path("occurrence");
        assertThat(occurrence.path("originalStart").asText()).isEqualTo("2026-03-24T08:00:00Z");
        assertThat(occurrence.path("start").asText()).isEqualTo("2026-03-25T13:00:00Z");
        assertThat(occurrence.path("end").asText()).isEqualTo("2026-03-25T13:30:00Z");   // keeps the series' length
        assertThat(occurrence.path("title").asText()).isEqualTo("Standup (moved)");
        assertThat(occurrence.path("modified").asBoolean()).isTrue();
        String newEtag = moved.header("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag).isEqualTo(etag(agent, id));
        JsonNode after = ok(stack.get("/api/v1/events/" + id, key)).json().path("event");
        assertThat(Instant.parse(after.path("updatedAt").asText())).isAfter(Instant.parse(before.path("updatedAt").asText()));
        assertThat(strings(after.path("modifiedOccurrences"))).containsExactly("2026-03-24T08:00:00Z");
        assertThat(stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"title\":\"y\"}",
                "If-Match", etag).status()).isEqualTo(412);

        // The moved occurrence is listed where it now is, in expand=true and in /occurrences.
        Reply expanded = ok(stack.get("/api/v1/events?start_after=2026-03-23T00:00:00Z&start_before=2026-03-26T00:00:00Z"
                + "&expand=true", key));
        JsonNode listed = expanded.json().path("events");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("recurringEventId").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("originalStart").asText()).isEqualTo("2026-03-24T08:00:00Z");
        assertThat(listed.get(0).path("start").asText()).isEqualTo("2026-03-25T13:00:00Z");
        assertThat(listed.get(0).path("location").asText()).isEqualTo("Room 2");
        Reply tuesdayOnly = ok(stack.get(occurrences(id, "2026-03-24T00:00:00Z", "2026-03-25T00:00:00Z"), key));
        assertThat(tuesdayOnly.json().path("occurrences")).isEmpty();

        // null removes one field's override; the others stay. A series change of the title shows through.
        ok(stack.call("PUT", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"title\":null}"));
        ok(stack.call("PATCH", "/api/v1/events/" + id, key, "{\"title\":\"Daily standup\",\"location\":\"Room 1\"}"));
        JsonNode now = ok(stack.get(occurrence(id, "2026-03-24T08:00:00Z"), key)).json().path("occurrence");
        assertThat(now.path("title").asText()).isEqualTo("Daily standup");
        assertThat(now.path("location").asText()).isEqualTo("Room 2");
        assertThat(now.path("start").asText()).isEqualTo("2026-03-25T13:00:00Z");
        // Removing every overridden field leaves a plain occurrence.
        ok(stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"start\":null,\"location\":null}"));
        JsonNode plain = ok(stack.get(occurrence(id, "2026-03-24T08:00:00Z"), key)).json().path("occurrence");
        assertThat(plain.path("modified").asBoolean()).isFalse();
        assertThat(plain.path("start").asText()).isEqualTo("2026-03-24T08:00:00Z");
        assertThat(strings(ok(stack.get("/api/v1/events/" + id, key)).json().path("event").path("modifiedOccurrences")))
                .isEmpty();
    }

    @Test
    void aCancelledOccurrenceIsGoneEverywhere() {
        ItStack.NewAgent agent = newAgent();
        String id = create(agent, BERLIN_WEEKLY);
        String key = agent.apiKey();
        String etag = etag(agent, id);

        Reply cancelled = stack.call("DELETE", occurrence(id, "2026-03-31T07:00:00Z"), key, null, "If-Match", etag);

        assertThat(cancelled.statusAndBody()).isEqualTo(200 + " " + "{\"deleted\":true}");
        assertThat(stack.get(occurrence(id, "2026-03-31T07:00:00Z"), key).status()).isEqualTo(404);
        assertThat(stack.call("DELETE", occurrence(id, "2026-03-31T07:00:00Z"), key, null).status()).isEqualTo(404);
        assertThat(stack.call("PATCH", occurrence(id, "2026-03-31T07:00:00Z"), key, "{\"title\":\"back\"}").status())
                .isEqualTo(404);
        assertThat(texts(ok(stack.get(occurrences(id, "2026-03-30T00:00:00Z", "2026-04-08T00:00:00Z"), key))
                .json().path("occurrences"), "originalStart")).containsExactly("2026-04-07T07:00:00Z");
        assertThat(texts(ok(stack.get("/api/v1/events?start_after=2026-03-30T00:00:00Z&start_before=2026-04-08T00:00:00Z"
                + "&expand=true", key)).json().path("events"), "originalStart")).containsExactly("2026-04-07T07:00:00Z");
        JsonNode series = ok(stack.get("/api/v1/events/" + id, key)).json().path("event");
        assertThat(strings(series.path("cancelledOccurrences"))).containsExactly("2026-03-31T07:00:00Z");
        assertThat(etag(agent, id)).isNotEqualTo(etag);
        assertThat(stack.call("DELETE", occurrence(id, "2026-04-07T07:00:00Z"), key, null, "If-Match", etag).status())
                .isEqualTo(412);
    }

    @Test
    void idempotencyKeysReplayOccurrenceWrites() {
        ItStack.NewAgent agent = newAgent();
        String id = create(agent, BERLIN_WEEKLY);
        String key = agent.apiKey();
        String body = "{\"title\":\"Once only\"}";

        Reply first = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, body, "Idempotency-Key", "occ-1");
        Reply again = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, body, "Idempotency-Key", "occ-1");
        Reply other = stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"title\":\"Other\"}",
                "Idempotency-Key", "occ-1");
        Reply cancel = stack.call("DELETE", occurrence(id, "2026-03-31T07:00:00Z"), key, null, "Idempotency-Key", "occ-2");
        Reply cancelAgain = stack.call("DELETE", occurrence(id, "2026-03-31T07:00:00Z"), key, null,
                "Idempotency-Key", "occ-2");

        assertThat(again.statusAndBody()).isEqualTo(first.statusAndBody());
        assertThat(again.header("Idempotency-Replayed")).contains("true");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(cancelAgain.statusAndBody()).isEqualTo(cancel.statusAndBody());
        assertThat(cancelAgain.header("Idempotency-Replayed")).contains("true");
        // The replay wrote nothing: the series moved exactly twice.
        assertThat(etag(agent, id)).isEqualTo("\"v3\"");
    }

    @Test
    void thisAndFollowingSplitsTheSeries() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, "{\"title\":\"Course\",\"start\":\"2026-03-17T09:00:00+01:00\","
                + "\"end\":\"2026-03-17T10:00:00+01:00\",\"rrule\":\"FREQ=WEEKLY;BYDAY=TU;COUNT=6\",\"timezone\":\"Europe/Berlin\"}");
        ok(stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key, "{\"title\":\"Kept\"}"));
        ok(stack.call("PATCH", occurrence(id, "2026-04-14T07:00:00Z"), key, "{\"title\":\"Discarded\"}"));
        String etag = etag(agent, id);

        Reply split = stack.call("PATCH", occurrence(id, "2026-04-07T07:00:00Z") + "?following=true", key,
                "{\"start\":\"2026-04-07T10:00:00+02:00\",\"end\":\"2026-04-07T11:30:00+02:00\",\"location\":\"Lab\"}",
                "If-Match", etag);

        assertThat(split.status()).as(split.body()).isEqualTo(201);
        JsonNode created = split.json().path("event");
        String newId = created.path("id").asText();
        assertThat(split.header("Location")).contains("/api/v1/events/" + newId);
        assertThat(split.header("ETag")).contains("\"v1\"");
        assertThat(created.path("title").asText()).isEqualTo("Course");
        assertThat(created.path("start").asText()).isEqualTo("2026-04-07T08:00:00Z");
        assertThat(created.path("location").asText()).isEqualTo("Lab");
        assertThat(created.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.path("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU;COUNT=3");
        JsonNode old = ok(stack.get("/api/v1/events/" + id, key)).json().path("event");
        assertThat(old.path("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260407T065959Z");
        assertThat(strings(old.path("modifiedOccurrences"))).containsExactly("2026-03-24T08:00:00Z");
        assertThat(etag(agent, id)).isNotEqualTo(etag);

        // Together the two series hold the six sessions, the last three at the new time.
        JsonNode all = ok(stack.get("/api/v1/events?start_after=2026-03-01T00:00:00Z&start_before=2026-06-01T00:00:00Z"
                + "&expand=true", key)).json().path("events");
        assertThat(texts(all, "start")).containsExactly("2026-03-17T08:00:00Z", "2026-03-24T08:00:00Z",
                "2026-03-31T07:00:00Z", "2026-04-07T08:00:00Z", "2026-04-14T08:00:00Z", "2026-04-21T08:00:00Z");
        assertThat(texts(all, "title")).containsExactly("Course", "Kept", "Course", "Course", "Course", "Course");
        assertThat(texts(all, "recurringEventId")).containsExactly(id, id, id, newId, newId, newId);
    }

    @Test
    void thisAndFollowingOnTheFirstOccurrenceReplacesTheWholeSeries() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, BERLIN_WEEKLY);

        Reply split = stack.call("PATCH", occurrence(id, "2026-03-17T08:00:00Z") + "?following=true", key,
                "{\"title\":\"Renamed from the start\"}");

        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertThat(split.json().path("event").path("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(stack.get("/api/v1/events/" + id, key).status()).isEqualTo(404);
        String other = create(agent, BERLIN_WEEKLY);
        assertThat(stack.call("DELETE", occurrence(other, "2026-03-17T08:00:00Z") + "?following=true", key, null)
                .statusAndBody()).isEqualTo("200 {\"deleted\":true}");
        assertThat(stack.get("/api/v1/events/" + other, key).status()).isEqualTo(404);
    }

    @Test
    void deletingThisAndFollowingEndsTheSeriesBeforeIt() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, "{\"title\":\"Holidays\",\"start\":\"2026-03-02\",\"end\":\"2026-03-03\",\"allDay\":true,"
                + "\"rrule\":\"FREQ=DAILY;COUNT=10\"}");
        ok(stack.call("DELETE", occurrence(id, "2026-03-06"), key, null));
        ok(stack.call("PATCH", occurrence(id, "2026-03-03"), key, "{\"start\":\"2026-03-04\",\"end\":\"2026-03-05\"}"));

        Reply ended = stack.call("DELETE", occurrence(id, "2026-03-05") + "?following=true", key, null);

        assertThat(ended.statusAndBody()).isEqualTo("200 {\"deleted\":true}");
        JsonNode series = ok(stack.get("/api/v1/events/" + id, key)).json().path("event");
        assertThat(series.path("rrule").asText()).isEqualTo("FREQ=DAILY;UNTIL=20260304");
        assertThat(strings(series.path("modifiedOccurrences"))).containsExactly("2026-03-03");
        assertThat(strings(series.path("cancelledOccurrences"))).isEmpty();
        JsonNode left = ok(stack.get(occurrences(id, "2026-03-01", "2026-04-01"), key)).json().path("occurrences");
        assertThat(texts(left, "originalStart")).containsExactly("2026-03-02", "2026-03-03", "2026-03-04");
        assertThat(texts(left, "start")).containsExactly("2026-03-02", "2026-03-04", "2026-03-04");
    }

    @Test
    void changingStartRuleZoneOrAllDayDiscardsTheExceptionsOtherChangesKeepThem() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, BERLIN_WEEKLY);
        ok(stack.call("DELETE", occurrence(id, "2026-03-24T08:00:00Z"), key, null));
        ok(stack.call("PATCH", occurrence(id, "2026-03-31T07:00:00Z"), key, "{\"title\":\"Special\"}"));

        JsonNode kept = ok(stack.call("PATCH", "/api/v1/events/" + id, key, "{\"description\":\"agenda\"}")).json().path("event");
        assertThat(strings(kept.path("cancelledOccurrences"))).containsExactly("2026-03-24T08:00:00Z");
        assertThat(strings(kept.path("modifiedOccurrences"))).containsExactly("2026-03-31T07:00:00Z");

        JsonNode discarded = ok(stack.call("PATCH", "/api/v1/events/" + id, key, "{\"rrule\":\"FREQ=WEEKLY;BYDAY=TU,TH\"}"))
                .json().path("event");
        assertThat(strings(discarded.path("cancelledOccurrences"))).isEmpty();
        assertThat(strings(discarded.path("modifiedOccurrences"))).isEmpty();
        assertThat(stack.count("select count(*) from event_exceptions where event_id = ?", UUID.fromString(id))).isZero();

        for (String change : List.of("{\"start\":\"2026-03-17T09:15:00+01:00\",\"end\":\"2026-03-17T09:45:00+01:00\"}",
                "{\"timezone\":\"Europe/Paris\"}", "{\"allDay\":true,\"start\":\"2026-03-17\",\"end\":\"2026-03-18\"}")) {
            ok(stack.call("DELETE", "/api/v1/events/" + id + "/occurrences/"
                    + texts(ok(stack.get(occurrences(id, "2026-04-01", "2026-04-30"), key)).json().path("occurrences"),
                    "originalStart").get(0), key, null));
            assertThat(stack.count("select count(*) from event_exceptions where event_id = ?", UUID.fromString(id))).isOne();
            ok(stack.call("PATCH", "/api/v1/events/" + id, key, change));
            assertThat(stack.count("select count(*) from event_exceptions where event_id = ?", UUID.fromString(id)))
                    .as(change).isZero();
        }

        ok(stack.call("DELETE", "/api/v1/events/" + id + "/occurrences/2026-04-07", key, null));
        ok(stack.call("DELETE", "/api/v1/events/" + id, key, null));
        assertThat(stack.count("select count(*) from event_exceptions where event_id = ?", UUID.fromString(id))).isZero();
    }

    @Test
    void berlinWeeklyAcrossBothSwitchesWithAnOverrideOnEachSide() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, BERLIN_WEEKLY);

        // Spring (29 March): one override before the switch, one after.
        ok(stack.call("PATCH", occurrence(id, "2026-03-24T08:00:00Z"), key,
                "{\"start\":\"2026-03-26T10:00:00+01:00\",\"end\":\"2026-03-26T10:45:00+01:00\"}"));
        ok(stack.call("PATCH", occurrence(id, "2026-03-31T07:00:00Z"), key, "{\"title\":\"First in summer time\"}"));
        // Autumn (25 October): likewise.
        ok(stack.call("PATCH", occurrence(id, "2026-10-20T07:00:00Z"), key, "{\"title\":\"Last in summer time\"}"));
        ok(stack.call("PATCH", occurrence(id, "2026-10-27T08:00:00Z"), key,
                "{\"start\":\"2026-10-28T09:00:00+01:00\",\"end\":\"2026-10-28T09:30:00+01:00\"}"));

        JsonNode spring = ok(stack.get(occurrences(id, "2026-03-16T00:00:00Z", "2026-04-08T00:00:00Z"), key))
                .json().path("occurrences");
        assertThat(texts(spring, "originalStart")).containsExactly("2026-03-17T08:00:00Z", "2026-03-24T08:00:00Z",
                "2026-03-31T07:00:00Z", "2026-04-07T07:00:00Z");
        assertThat(texts(spring, "start")).containsExactly("2026-03-17T08:00:00Z", "2026-03-26T09:00:00Z",
                "2026-03-31T07:00:00Z", "2026-04-07T07:00:00Z");
        assertThat(texts(spring, "end").get(1)).isEqualTo("2026-03-26T09:45:00Z");
        assertThat(texts(spring, "title")).containsExactly("Standup", "Standup", "First in summer time", "Standup");

        JsonNode autumn = ok(stack.get("/api/v1/events?start_after=2026-10-19T00:00:00Z&start_before=2026-11-04T00:00:00Z"
                + "&expand=true", key)).json().path("events");
        assertThat(texts(autumn, "originalStart")).containsExactly("2026-10-20T07:00:00Z", "2026-10-27T08:00:00Z",
                "2026-11-03T08:00:00Z");
        assertThat(texts(autumn, "start")).containsExactly("2026-10-20T07:00:00Z", "2026-10-28T08:00:00Z",
                "2026-11-03T08:00:00Z");
        assertThat(texts(autumn, "modified")).containsExactly("true", "true", "false");
        assertThat(texts(autumn, "title")).containsExactly("Last in summer time", "Standup", "Standup");
    }

    @Test
    void freeBusyMergesEventsAndOccurrences() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, BERLIN_WEEKLY);
        create(agent, "{\"title\":\"Right after\",\"start\":\"2026-03-17T08:30:00Z\",\"end\":\"2026-03-17T09:00:00Z\"}");
        create(agent, "{\"title\":\"Overlapping\",\"start\":\"2026-03-17T08:45:00Z\",\"end\":\"2026-03-17T09:15:00Z\"}");
        create(agent, "{\"title\":\"Away\",\"start\":\"2026-03-19\",\"end\":\"2026-03-20\",\"allDay\":true}");
        create(agent, "{\"title\":\"Reminder\",\"start\":\"2026-03-20T12:00:00Z\",\"end\":\"2026-03-20T12:00:00Z\"}");
        ok(stack.call("DELETE", occurrence(id, "2026-03-24T08:00:00Z"), key, null));
        ok(stack.call("PATCH", occurrence(id, "2026-03-31T07:00:00Z"), key, "{\"start\":\"2026-03-30T12:00:00Z\"}"));

        Reply busy = ok(stack.get("/api/v1/freebusy?start_after=2026-03-16T00:00:00Z&start_before=2026-04-06T00:00:00Z", key));

        assertThat(busy.json().path("timezone").asText()).isEqualTo("Europe/Berlin");
        JsonNode spans = busy.json().path("busy");
        assertThat(texts(spans, "start")).containsExactly("2026-03-17T08:00:00Z", "2026-03-18T23:00:00Z",
                "2026-03-30T12:00:00Z");
        assertThat(texts(spans, "end")).containsExactly("2026-03-17T09:15:00Z", "2026-03-19T23:00:00Z",
                "2026-03-30T12:30:00Z");

        Reply tooLong = stack.get("/api/v1/freebusy?start_after=2026-01-01T00:00:00Z&start_before=2027-01-03T00:00:00Z", key);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(texts(tooLong.json().path("issues"), "path")).containsExactly("start_before");
        assertThat(stack.get("/api/v1/freebusy?start_after=2026-01-01T00:00:00Z&start_before=2027-01-02T00:00:00Z", key)
                .status()).isEqualTo(200);
        Reply missing = stack.get("/api/v1/freebusy?start_after=2026-01-01T00:00:00Z", key);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(texts(missing.json().path("issues"), "path")).containsExactly("start_before");
        assertThat(stack.get("/api/v1/freebusy?start_after=soon&start_before=later", key).status()).isEqualTo(400);
        assertThat(stack.get("/api/v1/freebusy?start_after=2026-01-01T00:00:00Z&start_before=2026-01-02T00:00:00Z", null)
                .status()).isEqualTo(401);
    }

    @Test
    void anotherAgentOfTheSameOwnerCannotReachTheSeriesOnAnyRoute() {
        ItStack.NewAgent a = newAgent();
        Reply createdB = stack.call("POST", "/api/dashboard/agents", a.session(),
                "{\"name\":\"B\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(createdB.status()).isEqualTo(201);
        ItStack.NewAgent b = ItStack.NewAgent.of(a.userId(), a.session(), createdB.json());
        String seriesB = create(b, BERLIN_WEEKLY);
        ok(stack.call("DELETE", occurrence(seriesB, "2026-03-24T08:00:00Z"), b.apiKey(), null));
        ok(stack.call("PATCH", occurrence(seriesB, "2026-03-31T07:00:00Z"), b.apiKey(), "{\"title\":\"B's\"}"));
        String etagB = etag(b, seriesB);
        Map<String, List<Map<String, Object>>> before = stack.snapshotOfAgent(b.agentId());
        String unknown = UUID.randomUUID().toString();
        String window = "?start_after=2026-03-01T00:00:00Z&start_before=2026-05-01T00:00:00Z";
        String o = "/occurrences/2026-04-07T07:00:00Z";

        List<String[]> calls = List.of(
                new String[] {"GET", "/occurrences" + window, null},
                new String[] {"GET", o, null},
                new String[] {"GET", "/occurrences/2026-03-31T07:00:00Z", null},
                new String[] {"PATCH", o, "{\"title\":\"A was here\"}"},
                new String[] {"PUT", o, "{\"title\":\"A was here\"}"},
                new String[] {"DELETE", o, null},
                new String[] {"PATCH", o + "?following=true", "{\"title\":\"A was here\"}"},
                new String[] {"DELETE", o + "?following=true", null});
        for (String[] call : calls) {
            for (String header : List.of("", "If-Match", "Idempotency-Key")) {
                String[] onBHeaders = header.isEmpty() ? new String[0]
                        : new String[] {header, header.equals("If-Match") ? etagB : "iso-b-" + call[0] + call[1]};
                String[] onNothingHeaders = header.isEmpty() ? new String[0]
                        : new String[] {header, header.equals("If-Match") ? etagB : "iso-x-" + call[0] + call[1]};
                Reply onB = stack.call(call[0], "/api/v1/events/" + seriesB + call[1], a.apiKey(), call[2], onBHeaders);
                Reply onNothing = stack.call(call[0], "/api/v1/events/" + unknown + call[1], a.apiKey(), call[2],
                        onNothingHeaders);
                assertThat(onB.status()).as(call[0] + " " + call[1] + " " + onB.body()).isEqualTo(404);
                assertThat(onB.body()).isEqualTo(onNothing.body());
            }
        }
        Map<String, List<Map<String, Object>>> after = stack.snapshotOfAgent(b.agentId());
        assertThat(after).isEqualTo(before);
        assertThat(before.get("event_exceptions")).hasSize(2);
        JsonNode busyOfA = ok(stack.get("/api/v1/freebusy" + window, a.apiKey())).json().path("busy");
        assertThat(busyOfA).isEmpty();
        assertThat(etag(b, seriesB)).isEqualTo(etagB);
    }

    @Test
    void theFeedExpandedByACalendarLibraryGivesExactlyWhatExpandTrueLists() {
        ItStack.NewAgent agent = newAgent();
        String key = agent.apiKey();
        String id = create(agent, "{\"title\":\"Standup\",\"start\":\"2026-03-10T09:00:00+01:00\","
                + "\"end\":\"2026-03-10T09:30:00+01:00\",\"rrule\":\"FREQ=WEEKLY;BYDAY=TU,TH;COUNT=16\","
                + "\"timezone\":\"Europe/Berlin\"}");
        String feedBefore = stack.get(agent.feedPath(), null).body();
        ok(stack.call("DELETE", occurrence(id, "2026-03-19T08:00:00Z"), key, null));
        ok(stack.call("DELETE", occurrence(id, "2026-04-02T07:00:00Z"), key, null));
        ok(stack.call("PATCH", occurrence(id, "2026-03-26T08:00:00Z"), key,
                "{\"start\":\"2026-03-30T15:00:00+02:00\",\"end\":\"2026-03-30T16:00:00+02:00\",\"title\":\"Moved across the switch\"}"));
        ok(stack.call("PATCH", occurrence(id, "2026-04-14T07:00:00Z"), key, "{\"title\":\"Retitled\",\"color\":\"#00ff00\"}"));
        // Moved from outside the window into it, and from inside it to outside.
        ok(stack.call("PATCH", occurrence(id, "2026-04-30T07:00:00Z"), key, "{\"start\":\"2026-04-20T06:00:00Z\"}"));
        ok(stack.call("PATCH", occurrence(id, "2026-03-12T08:00:00Z"), key, "{\"start\":\"2026-03-01T10:00:00Z\"}"));
        String from = "2026-03-05T00:00:00Z";
        String before = "2026-04-25T00:00:00Z";

        String feed = stack.get(agent.feedPath(), null).body();

        assertThat(feed).contains("EXDATE;TZID=Europe/Berlin:20260319T090000", "EXDATE;TZID=Europe/Berlin:20260402T090000",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260326T090000");
        assertThat(sequenceOf(feed, id)).isEqualTo(sequenceOf(feedBefore, id) + 6);
        List<String> api = new ArrayList<>();
        for (JsonNode e : ok(stack.get("/api/v1/events?start_after=" + from + "&start_before=" + before
                + "&expand=true&limit=500", key)).json().path("events")) {
            api.add(e.path("start").asText() + " " + e.path("end").asText() + " " + e.path("title").asText());
        }
        // 14 in the window by the rule, 2 cancelled, 1 moved out of the window, 1 moved into it.
        assertThat(api).hasSize(12);
        assertThat(expandFeed(feed, id, Instant.parse(from), Instant.parse(before))).containsExactlyElementsOf(api);
    }

    private static int sequenceOf(String feed, String id) {
        ICalendar calendar = Biweekly.parse(feed).first();
        return calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith(id) && e.getRecurrenceId() == null)
                .findFirst().orElseThrow().getSequence().getValue();
    }

    /**
     * What a calendar app shows of one series (RFC 5545 §3.8.4.4, as ical.js does it): the master's
     * RRULE expanded in its TZID minus its EXDATEs, each instance a RECURRENCE-ID names replaced by
     * that VEVENT, windowed and ordered by start.
     */
    private static List<String> expandFeed(String feed, String id, Instant from, Instant before) {
        ICalendar calendar = Biweekly.parse(feed).first();
        List<VEvent> components = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(id + "@agentworkspace")).collect(Collectors.toList());
        VEvent master = components.stream().filter(e -> e.getRecurrenceId() == null).findFirst().orElseThrow();
        List<VEvent> overrides = components.stream().filter(e -> e.getRecurrenceId() != null).collect(Collectors.toList());
        Set<Instant> replaced = overrides.stream().map(e -> e.getRecurrenceId().getValue().toInstant())
                .collect(Collectors.toSet());
        Duration length = Duration.between(master.getDateStart().getValue().toInstant(),
                master.getDateEnd().getValue().toInstant());
        List<Map.Entry<Instant, String>> shown = new ArrayList<>();
        DateIterator dates = master.getDateIterator(TimeZone.getTimeZone("Europe/Berlin"));
        while (dates.hasNext()) {
            Instant start = dates.next().toInstant();
            if (!start.isBefore(before)) {
                break;
            }
            if (!start.isBefore(from) && !replaced.contains(start)) {
                shown.add(Map.entry(start, start + " " + start.plus(length) + " " + master.getSummary().getValue()));
            }
        }
        for (VEvent e : overrides) {
            Instant start = e.getDateStart().getValue().toInstant();
            if (!start.isBefore(from) && start.isBefore(before)) {
                shown.add(Map.entry(start, start + " " + e.getDateEnd().getValue().toInstant() + " "
                        + e.getSummary().getValue()));
            }
        }
        shown.sort(Map.Entry.comparingByKey());
        return shown.stream().map(Map.Entry::getValue).collect(Collectors.toList());
    }
}

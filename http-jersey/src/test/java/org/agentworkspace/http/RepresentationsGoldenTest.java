package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.UserId;
import org.junit.jupiter.api.Test;

/**
 * Agents compare and store what the API sends, so writing the JSON faster must not change a
 * byte of it. {@code golden-representations.txt} holds what the tree-building implementation
 * wrote for the values below, one {@code name: json} line each, before it was replaced by
 * streaming (docs/performance.md, "What changed").
 */
class RepresentationsGoldenTest {
    private static final AgentId AGENT = new AgentId(UUID.fromString("0190f1e2-0000-7000-8000-000000000001"));

    @Test
    void everyBodyIsTheSameTextAsBeforeStreaming() throws IOException {
        Map<String, String> expected = golden();
        Map<String, String> actual = bodies();

        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((name, json) -> assertThat(json).as(name).isEqualTo(expected.get(name)));
    }

    static Map<String, String> bodies() {
        List<Event> events = events();
        List<Document> documents = documents();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("events", Json.text(JsonResponses.envelope("events", Representations.list(events, Representations::event))));
        bodies.put("no-events", Json.text(JsonResponses.envelope("events", Representations.list(List.<Event>of(), Representations::event))));
        for (int i = 0; i < events.size(); i++) {
            bodies.put("event-" + i, Json.text(JsonResponses.envelope("event", Representations.event(events.get(i)))));
        }
        bodies.put("documents", Json.text(JsonResponses.envelope("documents",
                Representations.list(documents, d -> Representations.document(d, false)))));
        bodies.put("documents-with-content", Json.text(JsonResponses.envelope("documents",
                Representations.list(documents, d -> Representations.document(d, true)))));
        for (int i = 0; i < documents.size(); i++) {
            bodies.put("document-" + i, Json.text(JsonResponses.envelope("document", Representations.document(documents.get(i), true))));
        }
        bodies.put("agents", Json.text(JsonResponses.envelope("agents", Representations.list(agents(), Representations::agent))));
        bodies.put("deleted", Json.text(JsonResponses.deleted()));
        return bodies;
    }

    private static Map<String, String> golden() throws IOException {
        Map<String, String> golden = new LinkedHashMap<>();
        try (InputStream in = RepresentationsGoldenTest.class.getResourceAsStream("golden-representations.txt")) {
            assertThat(in).as("golden file").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(": ");
                golden.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return golden;
    }

    private static List<Event> events() {
        return List.of(
                new Event(id(1), AGENT, new EventData("Standup", at("2026-01-15T09:00:00Z"), at("2026-01-15T09:15:00Z"),
                        false, null, null, null, null, null), 1, at("2026-01-10T08:00:00Z"), at("2026-01-10T08:00:00Z")),
                new Event(id(2), AGENT, new EventData("Launch 🚀 \"quoted\" \\ back/slash </script> 日本語 é",
                        at("2026-03-29T00:30:00.5Z"), at("2026-03-29T03:30:00.123456789Z"), false,
                        "Line one\nLine two\r\n\ttabbed \u0000\u0001\u001f\u007f\u2028\u2029 end",
                        "Room 1, Floor 2", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", ZoneId.of("Europe/Berlin"), "#ff0000"),
                        7, at("1900-01-01T00:00:00Z"), at("2199-12-31T23:59:59.999Z")),
                new Event(id(3), AGENT, new EventData("Holiday", at("2026-03-02T00:00:00Z"), at("2026-03-04T00:00:00Z"),
                        true, "", "", null, null, null), 2, at("2026-02-01T00:00:00.000999Z"), at("2026-02-01T00:00:01.001Z")),
                new Event(id(4), AGENT, new EventData("Leap day", at("2028-02-29T00:00:00Z"), at("2028-03-01T00:00:00Z"),
                        true, null, null, "FREQ=YEARLY", ZoneId.of("America/New_York"), null),
                        1, at("1969-12-31T23:59:59.999Z"), at("1970-01-01T00:00:00.010Z")));
    }

    private static List<Document> documents() {
        return List.of(
                new Document(new DocumentId(new UUID(5, 1)), AGENT, "Notes", DocumentType.MARKDOWN, "# Hi\n\n- a \"b\" \\ c 🎉",
                        3, at("2026-01-10T08:00:00Z"), at("2026-01-11T08:00:00.25Z")),
                new Document(new DocumentId(new UUID(5, 2)), AGENT, "Sheet ✓", DocumentType.SHEET, "{\"cells\":[[1,2]]}",
                        1, at("2026-01-10T08:00:00.001Z"), at("2026-01-10T08:00:00.001Z")),
                new Document(new DocumentId(new UUID(5, 3)), AGENT, "", DocumentType.SLIDE, "",
                        1, at("2026-06-30T23:59:59Z"), at("2026-07-01T00:00:00Z")));
    }

    private static List<Agent> agents() {
        return List.of(
                new Agent(AGENT, new UserId("user_1"), "Atlas", null, ZoneId.of("Europe/Berlin"), AgentStatus.ACTIVE,
                        at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00.5Z")),
                new Agent(new AgentId(new UUID(7, 7)), new UserId("user_1"), "Zoë \"Z\"", "desc\n", ZoneId.of("UTC"),
                        AgentStatus.values()[AgentStatus.values().length - 1], at("2026-01-02T03:04:05.678Z"),
                        at("2026-01-02T03:04:05Z")));
    }

    private static EventId id(int n) {
        return new EventId(new UUID(0x0190f1e200007000L, 0x8000000000000000L | n));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}

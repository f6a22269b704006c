package org.agentworkspace.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.DocumentId;
import org.agentworkspace.core.domain.DocumentType;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;

final class Fixtures {
    static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");

    private Fixtures() {
    }

    static Event timedEvent(AgentId agent, long version) {
        return new Event(EventId.random(), agent,
                new EventData("Standup", Instant.parse("2026-01-15T09:00:00Z"), Instant.parse("2026-01-15T09:15:00Z"),
                        false, null, "Room 1", "FREQ=DAILY;COUNT=3", ZoneId.of("Europe/Berlin"), null),
                version, CREATED, CREATED.plusSeconds(90));
    }

    static Event allDayEvent(AgentId agent) {
        return new Event(EventId.random(), agent,
                new EventData("Holiday", Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"),
                        true, "Off", null, null, null, "#ff0000"),
                1, CREATED, CREATED);
    }

    static Document document(AgentId agent, long version) {
        return new Document(DocumentId.random(), agent, "Notes", DocumentType.MARKDOWN, "# Hi", version, CREATED, CREATED);
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}

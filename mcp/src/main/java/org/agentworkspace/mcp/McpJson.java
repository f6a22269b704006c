package org.agentworkspace.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.Change;
import org.agentworkspace.core.domain.ChangesPage;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.FreeBusy;
import org.agentworkspace.core.domain.Issue;
import org.agentworkspace.core.domain.OriginalStarts;
import org.agentworkspace.core.port.in.FindFreeSlots;

/**
 * The JSON of tool results: field for field the REST representation of API.md (an adapter may not
 * reach http-jersey's, so this is its twin, and {@code McpServerIT} in the app keeps the two
 * equal for the same event and document). Unset optional fields are written as {@code null}.
 */
final class McpJson {
    /** Sorted keys make the text of equal arguments equal: the idempotency fingerprint relies on it. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private McpJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree or a map of plain values always serialises", e);
        }
    }

    static ObjectNode parse(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored tool result is always a JSON object", e);
        }
    }

    /** {@code {"<name>": value}}, the envelope of every single resource and list, as on REST. */
    static ObjectNode envelope(String name, JsonNode value) {
        ObjectNode body = object();
        body.set(name, value);
        return body;
    }

    /**
     * A single event or document: REST's envelope plus {@code etag}, the {@code ETag} REST sends as a
     * header, which a model passes back as {@code if_match}.
     */
    static ObjectNode tagged(String name, JsonNode value, long version) {
        ObjectNode body = envelope(name, value);
        body.put("etag", etag(version));
        return body;
    }

    static ObjectNode deleted() {
        ObjectNode body = object();
        body.put("deleted", true);
        return body;
    }

    static <T> ArrayNode list(List<T> items, Function<T, ? extends JsonNode> render) {
        ArrayNode array = MAPPER.createArrayNode();
        items.forEach(item -> array.add(render.apply(item)));
        return array;
    }

    static ObjectNode event(Event event) {
        EventData d = event.data();
        ObjectNode json = object();
        json.put("id", event.id().toString());
        json.put("title", d.title());
        times(json, d);
        json.put("allDay", d.allDay());
        json.put("description", d.description());
        json.put("location", d.location());
        json.put("rrule", d.rrule());
        json.put("timezone", d.timezone() == null ? null : d.timezone().getId());
        json.put("color", d.color());
        json.put("createdAt", instant(event.createdAt()));
        json.put("updatedAt", instant(event.updatedAt()));
        if (event.isOccurrence()) {
            // An expanded occurrence keeps the series id and names itself (API.md, "Recurring series").
            json.put("recurringEventId", event.id().toString());
            json.put("originalStart", OriginalStarts.format(event.originalStart(), d.allDay()));
            json.put("modified", event.modified());
        } else if (d.recurring()) {
            json.set("cancelledOccurrences", originalStarts(event.cancelledOccurrences(), d.allDay()));
            json.set("modifiedOccurrences", originalStarts(event.modifiedOccurrences(), d.allDay()));
        }
        return json;
    }

    /** A single event with its etag, as {@code get_event} and the event writes answer. */
    static ObjectNode taggedEvent(Event event) {
        return tagged("event", event(event), event.version());
    }

    /** One occurrence of a series, as the occurrence routes answer it. */
    static ObjectNode occurrence(Event occurrence) {
        EventData d = occurrence.data();
        ObjectNode json = object();
        json.put("recurringEventId", occurrence.id().toString());
        json.put("originalStart", OriginalStarts.format(occurrence.originalStart(), d.allDay()));
        times(json, d);
        json.put("allDay", d.allDay());
        json.put("title", d.title());
        json.put("description", d.description());
        json.put("location", d.location());
        json.put("color", d.color());
        json.put("timezone", d.timezone() == null ? null : d.timezone().getId());
        json.put("modified", occurrence.modified());
        return json;
    }

    /** {@code start} and {@code end}: instants, or for an all-day event its dates. */
    private static void times(ObjectNode json, EventData d) {
        json.put("start", d.allDay() ? date(d.start()) : instant(d.start()));
        json.put("end", d.allDay() ? date(d.end()) : instant(d.end()));
    }

    private static ArrayNode originalStarts(List<Instant> starts, boolean allDay) {
        ArrayNode array = MAPPER.createArrayNode();
        starts.forEach(start -> array.add(OriginalStarts.format(start, allDay)));
        return array;
    }

    /** {@code {"busy": [{start, end}], "timezone"}}, as {@code /api/v1/freebusy} answers. */
    static ObjectNode freeBusy(FreeBusy freeBusy) {
        return spans("busy", list(freeBusy.busy(), span -> span(span.start(), span.end())), freeBusy.timezone());
    }

    /** {@code {"free": [{start, end}], "timezone"}}: free/busy's twin for free slots. */
    static ObjectNode freeSlots(FindFreeSlots.FreeSlots slots) {
        return spans("free", list(slots.free(), slot -> span(slot.start(), slot.end())), slots.timezone());
    }

    private static ObjectNode spans(String name, ArrayNode spans, ZoneId zone) {
        ObjectNode body = envelope(name, spans);
        body.put("timezone", zone.getId());
        return body;
    }

    private static ObjectNode span(Instant start, Instant end) {
        ObjectNode json = object();
        json.put("start", instant(start));
        json.put("end", instant(end));
        return json;
    }

    /** A page of {@code /api/v1/changes}: {@code {"changes", "nextCursor", "hasMore"}}. */
    static ObjectNode changesPage(ChangesPage page) {
        ObjectNode body = envelope("changes", list(page.changes(), McpJson::change));
        body.put("nextCursor", page.nextCursor());
        body.put("hasMore", page.hasMore());
        return body;
    }

    private static ObjectNode change(Change change) {
        ObjectNode json = object();
        json.put("type", change.type().wireName());
        json.put("id", change.id().toString());
        json.put("change", change.deleted() ? "deleted" : "upserted");
        json.put("at", instant(change.at()));
        change.event().ifPresent(e -> json.set("event", event(e)));
        change.document().ifPresent(d -> json.set("document", document(d, false)));
        return json;
    }

    /** A single document with its content and etag, as {@code get_document} and the document writes answer. */
    static ObjectNode taggedDocument(Document document) {
        return tagged("document", document(document, true), document.version());
    }

    /** {@code content} only when asked for, as with REST's {@code content=false}. */
    static ObjectNode document(Document document, boolean withContent) {
        ObjectNode json = object();
        json.put("id", document.id().toString());
        json.put("agentId", document.agentId().toString());
        json.put("title", document.title());
        json.put("type", document.type().wireName());
        if (withContent) {
            json.put("content", document.content());
        }
        json.put("createdAt", instant(document.createdAt()));
        json.put("updatedAt", instant(document.updatedAt()));
        return json;
    }

    /** The agent as it sees itself, as {@code GET /api/v1/me} shows it. */
    static ObjectNode agentProfile(Agent agent) {
        ObjectNode json = object();
        json.put("id", agent.id().toString());
        json.put("name", agent.name());
        json.put("description", agent.description());
        json.put("timezone", agent.timezone().getId());
        json.put("createdAt", instant(agent.createdAt()));
        return json;
    }

    /** {@code {"error": message}}, the REST error body. */
    static ObjectNode error(String message) {
        ObjectNode body = object();
        body.put("error", message);
        return body;
    }

    /** The REST body of a validation failure: every issue with its path. */
    static ObjectNode validation(List<Issue> issues) {
        ObjectNode body = error("Validation failed");
        ArrayNode list = body.putArray("issues");
        for (Issue issue : issues) {
            list.addObject().put("path", issue.path()).put("message", issue.message());
        }
        return body;
    }

    /** {@code 2026-01-15T09:00:00Z}: UTC, milliseconds only when the instant has some, as on REST. */
    static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The UTC calendar date of an all-day boundary, {@code YYYY-MM-DD}. */
    static String date(Instant midnight) {
        return LocalDate.ofInstant(midnight, ZoneOffset.UTC).toString();
    }

    /** The strong entity tag REST sends as {@code ETag}, for {@code if_match}. */
    static String etag(long version) {
        return "\"v" + version + "\"";
    }
}

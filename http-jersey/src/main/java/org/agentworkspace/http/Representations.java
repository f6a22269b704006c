package org.agentworkspace.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.BusyInterval;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.FeedUrls;
import org.agentworkspace.core.domain.FreeBusy;
import org.agentworkspace.core.domain.OriginalStarts;
import org.agentworkspace.core.domain.Subscription;
import org.agentworkspace.core.domain.User;

/**
 * The JSON of each resource, field for field as API.md lists it; unset optional fields are
 * written as {@code null} so an agent sees the whole shape every time.
 */
final class Representations {
    private final FeedUrls feedUrls;

    Representations(FeedUrls feedUrls) {
        this.feedUrls = feedUrls;
    }

    /**
     * An event, written field by field when the response is: a week's listing of 230 events used
     * to build a tree of some 3,000 nodes first (docs/performance.md, "What changed").
     */
    static JsonNode event(Event event) {
        return new POJONode(new EventJson(event));
    }

    /** A document, streamed like {@link #event(Event)}; {@code content} only when asked for. */
    static JsonNode document(Document document, boolean withContent) {
        return new POJONode(new DocumentJson(document, withContent));
    }

    private record EventJson(Event event) implements Streamed {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            EventData d = event.data();
            char[] scratch = Json.instantScratch();
            g.writeStartObject();
            g.writeStringField("id", event.id().toString());
            g.writeStringField("title", d.title());
            span(g, d, scratch);
            g.writeStringField("description", d.description());
            g.writeStringField("location", d.location());
            g.writeStringField("rrule", d.rrule());
            g.writeStringField("timezone", timezoneId(d));
            g.writeStringField("color", d.color());
            Json.writeInstant(g, "createdAt", event.createdAt(), scratch);
            Json.writeInstant(g, "updatedAt", event.updatedAt(), scratch);
            if (event.isOccurrence()) {
                // An expanded occurrence keeps the series id and names itself (API.md, "Recurring series").
                g.writeStringField("recurringEventId", event.id().toString());
                g.writeStringField("originalStart", OriginalStarts.format(event.originalStart(), d.allDay()));
                g.writeBooleanField("modified", event.modified());
            } else if (d.recurring()) {
                originalStarts(g, "cancelledOccurrences", event.cancelledOccurrences(), d.allDay());
                originalStarts(g, "modifiedOccurrences", event.modifiedOccurrences(), d.allDay());
            }
            g.writeEndObject();
        }
    }

    /** {@code start}, {@code end} and {@code allDay}: dates for an all-day event, instants otherwise (API.md). */
    private static void span(JsonGenerator g, EventData d, char[] scratch) throws IOException {
        if (d.allDay()) {
            g.writeStringField("start", Json.date(d.start()));
            g.writeStringField("end", Json.date(d.end()));
        } else {
            Json.writeInstant(g, "start", d.start(), scratch);
            Json.writeInstant(g, "end", d.end(), scratch);
        }
        g.writeBooleanField("allDay", d.allDay());
    }

    private static String timezoneId(EventData d) {
        return d.timezone() == null ? null : d.timezone().getId();
    }

    private static void originalStarts(JsonGenerator g, String name, List<java.time.Instant> starts, boolean allDay)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (java.time.Instant start : starts) {
            g.writeString(OriginalStarts.format(start, allDay));
        }
        g.writeEndArray();
    }

    /** One occurrence of a series, as the occurrence routes answer it. */
    static JsonNode occurrence(Event occurrence) {
        return new POJONode(new OccurrenceJson(occurrence));
    }

    private record OccurrenceJson(Event occurrence) implements Streamed {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            EventData d = occurrence.data();
            char[] scratch = Json.instantScratch();
            g.writeStartObject();
            g.writeStringField("recurringEventId", occurrence.id().toString());
            g.writeStringField("originalStart", OriginalStarts.format(occurrence.originalStart(), d.allDay()));
            span(g, d, scratch);
            g.writeStringField("title", d.title());
            g.writeStringField("description", d.description());
            g.writeStringField("location", d.location());
            g.writeStringField("color", d.color());
            g.writeStringField("timezone", timezoneId(d));
            g.writeBooleanField("modified", occurrence.modified());
            g.writeEndObject();
        }
    }

    /** {@code {"busy": [{start, end}], "timezone"}}. */
    static ObjectNode freeBusy(FreeBusy freeBusy) {
        ObjectNode json = Json.object();
        ArrayNode busy = json.putArray("busy");
        for (BusyInterval span : freeBusy.busy()) {
            ObjectNode item = busy.addObject();
            item.put("start", Json.instant(span.start()));
            item.put("end", Json.instant(span.end()));
        }
        json.put("timezone", freeBusy.timezone().getId());
        return json;
    }

    private record DocumentJson(Document document, boolean withContent) implements Streamed {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            char[] scratch = Json.instantScratch();
            g.writeStartObject();
            g.writeStringField("id", document.id().toString());
            g.writeStringField("agentId", document.agentId().toString());
            g.writeStringField("title", document.title());
            g.writeStringField("type", document.type().wireName());
            if (withContent) {
                g.writeStringField("content", document.content());
            }
            Json.writeInstant(g, "createdAt", document.createdAt(), scratch);
            Json.writeInstant(g, "updatedAt", document.updatedAt(), scratch);
            g.writeEndObject();
        }
    }

    /**
     * A value that writes itself into the response's generator. Wrapped in a {@link POJONode} it
     * sits in the envelope's tree like any node, and a null field is written as {@code null}
     * just as the tree writes one.
     */
    private interface Streamed extends JsonSerializable {
        @Override
        default void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(g, provider);
        }
    }

    /** The agent as it sees itself ({@code /api/v1/me}). */
    static ObjectNode agentProfile(Agent agent) {
        ObjectNode json = Json.object();
        json.put("id", agent.id().toString());
        json.put("name", agent.name());
        json.put("description", agent.description());
        json.put("timezone", agent.timezone().getId());
        json.put("createdAt", Json.instant(agent.createdAt()));
        return json;
    }

    /** The agent as its owner sees it: with status and last change. */
    static ObjectNode agent(Agent agent) {
        ObjectNode json = agentProfile(agent);
        json.put("status", agent.status().wireName());
        json.put("updatedAt", Json.instant(agent.updatedAt()));
        return json;
    }

    static ObjectNode user(User user) {
        ObjectNode json = Json.object();
        json.put("id", user.id().value());
        json.put("email", user.email());
        json.put("firstName", user.firstName());
        json.put("lastName", user.lastName());
        json.put("imageUrl", user.imageUrl());
        json.put("createdAt", Json.instant(user.createdAt()));
        return json;
    }

    ObjectNode subscription(Subscription subscription) {
        ObjectNode json = Json.object();
        json.put("id", subscription.id().toString());
        json.put("label", subscription.label());
        json.put("email", subscription.email());
        json.put("detail", subscription.detail().wireName());
        json.put("url", feedUrls.urlOf(subscription));
        json.put("createdAt", Json.instant(subscription.createdAt()));
        json.put("lastFetchedAt", Json.instant(subscription.lastFetchedAt()));
        json.put("lastFetchedBy", subscription.lastFetchedBy());
        return json;
    }

    static ObjectNode auditEntry(AuditEntry entry) {
        ObjectNode json = Json.object();
        json.put("id", entry.id().toString());
        json.put("action", entry.action().wireName());
        json.put("actor", entry.actor());
        json.put("detail", entry.detail());
        json.put("at", Json.instant(entry.at()));
        return json;
    }

    static <T> ArrayNode list(List<T> items, Function<T, ? extends JsonNode> render) {
        ArrayNode array = Json.array();
        items.forEach(item -> array.add(render.apply(item)));
        return array;
    }
}

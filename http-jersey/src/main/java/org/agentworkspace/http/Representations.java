package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AuditEntry;
import org.agentworkspace.core.domain.Document;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.FeedUrls;
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

    static ObjectNode event(Event event) {
        EventData d = event.data();
        ObjectNode json = Json.object();
        json.put("id", event.id().toString());
        json.put("title", d.title());
        json.put("start", d.allDay() ? Json.date(d.start()) : Json.instant(d.start()));
        json.put("end", d.allDay() ? Json.date(d.end()) : Json.instant(d.end()));
        json.put("allDay", d.allDay());
        json.put("description", d.description());
        json.put("location", d.location());
        json.put("rrule", d.rrule());
        json.put("timezone", d.timezone() == null ? null : d.timezone().getId());
        json.put("color", d.color());
        json.put("createdAt", Json.instant(event.createdAt()));
        json.put("updatedAt", Json.instant(event.updatedAt()));
        return json;
    }

    static ObjectNode document(Document document, boolean withContent) {
        ObjectNode json = Json.object();
        json.put("id", document.id().toString());
        json.put("agentId", document.agentId().toString());
        json.put("title", document.title());
        json.put("type", document.type().wireName());
        if (withContent) {
            json.put("content", document.content());
        }
        json.put("createdAt", Json.instant(document.createdAt()));
        json.put("updatedAt", Json.instant(document.updatedAt()));
        return json;
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

    static <T> ArrayNode list(List<T> items, Function<T, ObjectNode> render) {
        ArrayNode array = Json.array();
        items.forEach(item -> array.add(render.apply(item)));
        return array;
    }
}

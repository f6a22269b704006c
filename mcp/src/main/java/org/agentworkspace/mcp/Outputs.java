package org.agentworkspace.mcp;

/**
 * The shapes of tool results ({@code outputSchema}): field for field the JSON {@link McpJson} writes,
 * which is REST's. Fields that are always present are required; optional ones are {@code null} when
 * unset, as on REST. The SDK checks every successful result against its tool's shape.
 */
final class Outputs {
    private static final String INSTANT = "UTC instant, e.g. 2026-01-15T08:00:00Z";
    private static final String TIME = INSTANT + "; for an all-day event its date YYYY-MM-DD (end exclusive)";

    private Outputs() {
    }

    /** An event as REST shows it; an expanded occurrence adds its series' id and its original start. */
    static Schema event() {
        return Schema.shape()
                .string("id", "The event's id; for an expanded occurrence, its series' id.")
                .string("title", null)
                .string("start", TIME)
                .string("end", TIME)
                .bool("allDay", null)
                .nullableString("description", null)
                .nullableString("location", null)
                .nullableString("rrule", "The series' RRULE; null for a one-off event.")
                .nullableString("timezone", null)
                .nullableString("color", null)
                .string("createdAt", INSTANT)
                .string("updatedAt", INSTANT)
                .string("recurringEventId", "Only on an expanded occurrence: its series' id.")
                .string("originalStart", "Only on an expanded occurrence: the start its series' rule gives it, "
                        + "the name to pass as original_start.")
                .bool("modified", "Only on an expanded occurrence: whether it was changed on its own.")
                .strings("cancelledOccurrences", "Only on a series: the original starts of its cancelled occurrences.")
                .strings("modifiedOccurrences", "Only on a series: the original starts of its changed occurrences.")
                .required("id", "title", "start", "end", "allDay", "description", "location", "rrule", "timezone",
                        "color", "createdAt", "updatedAt");
    }

    /** One occurrence of a series, as the occurrence routes show it. */
    static Schema occurrence() {
        return Schema.shape()
                .string("recurringEventId", "The series' id.")
                .string("originalStart", "The start the series' rule gives this occurrence (pass it as "
                        + "original_start); it never changes, even when the occurrence is moved.")
                .string("start", TIME)
                .string("end", TIME)
                .bool("allDay", null)
                .string("title", null)
                .nullableString("description", null)
                .nullableString("location", null)
                .nullableString("color", null)
                .nullableString("timezone", null)
                .bool("modified", "Whether this occurrence was changed on its own.")
                .required("recurringEventId", "originalStart", "start", "end", "allDay", "title", "description",
                        "location", "color", "timezone", "modified");
    }

    /** A document; {@code content} is left out where the tool was asked to leave it out. */
    static Schema document() {
        return Schema.shape()
                .string("id", null)
                .string("agentId", null)
                .string("title", null)
                .string("type", "markdown, sheet or slide.")
                .string("content", null)
                .string("createdAt", INSTANT)
                .string("updatedAt", INSTANT)
                .required("id", "agentId", "title", "type", "createdAt", "updatedAt");
    }

    /** {@code {"<name>": item, "etag"}}: a single item as a read or write answers it. */
    static Schema tagged(String name, Schema item) {
        return Schema.shape().object(name, item).string("etag", Writes.ETAG).required(name, "etag");
    }

    /** {@code {"<name>": [items]}}: a list in its plural envelope. */
    static Schema list(String name, Schema item) {
        return Schema.shape().array(name, item).required(name);
    }

    /** {@code {"deleted": true}}. */
    static Schema deleted() {
        return Schema.shape().bool("deleted", null).required("deleted");
    }

    /** {@code {"<name>": [{start, end}], "timezone"}}: free/busy's busy or free slots' free intervals. */
    static Schema spans(String name) {
        Schema span = Schema.shape().string("start", INSTANT).string("end", INSTANT).required("start", "end");
        return Schema.shape()
                .array(name, span)
                .string("timezone", "The agent's IANA time zone.")
                .required(name, "timezone");
    }

    /** A page of the change feed, as {@code /api/v1/changes} answers it. */
    static Schema changesPage() {
        Schema change = Schema.shape()
                .string("type", "event or document.")
                .string("id", null)
                .string("change", "upserted or deleted.")
                .string("at", INSTANT)
                .object("event", event())
                .object("document", document())
                .required("type", "id", "change", "at");
        return Schema.shape()
                .array("changes", change)
                .string("nextCursor", "Pass it as cursor to get what changed after this page.")
                .bool("hasMore", "Whether another page is waiting now.")
                .required("changes", "nextCursor", "hasMore");
    }

    /** {@code whoami}: the agent, the calling key, and the time now in the agent's zone. */
    static Schema whoami() {
        Schema agent = Schema.shape()
                .string("id", null)
                .string("name", null)
                .nullableString("description", null)
                .string("timezone", "IANA time zone, e.g. Europe/Berlin.")
                .string("createdAt", INSTANT)
                .required("id", "name", "description", "timezone", "createdAt");
        Schema key = Schema.shape()
                .string("id", null)
                .nullableString("label", null)
                .strings("scopes", "What the key may do: events:read, events:write, docs:read, docs:write, "
                        + "webhooks:manage.")
                .nullableString("expiresAt", INSTANT + "; null when the key does not expire.")
                .required("id", "label", "scopes", "expiresAt");
        return Schema.shape()
                .object("agent", agent)
                .object("key", key)
                .string("now", "The current time in the agent's zone, ISO 8601 with offset.")
                .required("agent", "key", "now");
    }
}

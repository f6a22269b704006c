package org.agentworkspace.mcp;

import org.agentworkspace.core.port.in.EventInput;

/** The writable fields of an event as tool arguments: their schema, and core's input record from them. */
final class EventFields {
    static final String INSTANT = "an ISO 8601 instant with offset, e.g. 2026-01-15T09:00:00+01:00 or "
            + "2026-01-15T08:00:00Z";

    static final String LIMIT = "Page size, 1–500; default 100.";
    static final String OFFSET = "How many to skip, for the next page; default 0.";
    static final String ORIGINAL_START = "Names the occurrence: its originalStart as list_occurrences or "
            + "list_events with expand=true show it, e.g. 2026-12-08T08:00:00Z (UTC, to the second), or for an "
            + "all-day series its date YYYY-MM-DD. It stays the same when the occurrence is moved.";
    static final String FOLLOWING = "false or absent: this occurrence only. true: this occurrence and all "
            + "following ones (the series ends before it).";

    private EventFields() {
    }

    /** The arguments that name one occurrence of a series, and which ones it concerns: "this" or "this and following". */
    static Schema occurrence(Schema schema) {
        return schema.string("id", "The series' id.")
                .string("original_start", ORIGINAL_START)
                .bool("following", FOLLOWING);
    }

    /** {@code start_after}/{@code start_before} of a list whose {@code subject} is, e.g., "Only events starting". */
    static Schema window(Schema schema, String subject) {
        return schema.string("start_after", subject + " at or after this instant: " + INSTANT + ".")
                .string("start_before", subject + " before this instant, same form.");
    }

    /** Adds the event's fields; {@code update} makes optional ones nullable (null clears them). */
    static Schema addTo(Schema schema, boolean update) {
        schema.string("title", "What the event is, 1–500 characters, e.g. \"Dentist\".")
                .string("start", "When it starts: " + INSTANT + ". For an all-day event the date alone, "
                        + "YYYY-MM-DD.")
                .string("end", "When it ends, in the same form as start and not before it. All-day ends are "
                        + "exclusive, as in iCalendar: a one-day event on 2026-03-02 ends 2026-03-03.");
        if (update) {
            schema.nullableBool("allDay", "true for an event of whole days (start/end as YYYY-MM-DD).");
        } else {
            schema.bool("allDay", "true for an event of whole days (start/end as YYYY-MM-DD); default false.");
        }
        return schema
                .nullableString("description", "Free text, at most 5,000 characters; null clears it.")
                .nullableString("location", "Where, at most 500 characters, e.g. \"Room 4\" or an address; "
                        + "null clears it.")
                .nullableString("rrule", "Makes the event a recurring series: an RFC 5545 RRULE value, with or "
                        + "without the \"RRULE:\" prefix. Examples: FREQ=DAILY;COUNT=5 · "
                        + "FREQ=WEEKLY;BYDAY=MO,WE,FR · FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20261231T235959Z · "
                        + "FREQ=YEARLY. null makes it a one-off event.")
                .nullableString("timezone", "IANA time zone the series recurs in (its wall-clock time stays "
                        + "fixed across DST), e.g. Europe/Berlin or America/New_York; without one the agent's "
                        + "zone is used. null clears it.")
                .nullableString("color", "Display colour #rrggbb, e.g. #1a73e8; null clears it.");
    }

    static EventInput input(Arguments a) {
        return new EventInput(a.stringField("title"), a.stringField("start"), a.stringField("end"),
                a.boolField("allDay"), a.stringField("description"), a.stringField("location"),
                a.stringField("rrule"), a.stringField("timezone"), a.stringField("color"));
    }
}

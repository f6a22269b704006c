package org.agentworkspace.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The contract's rules for an event (API.md, "Event fields"). Every issue is reported, each under
 * the JSON name of its field.
 *
 * <ul>
 *   <li>{@code title}: required, 1 to 500 characters (code points), not blank.</li>
 *   <li>{@code start}, {@code end}: required ISO 8601 date-times with offset, in the years 1900 to
 *       2199; {@code end} not before {@code start} (equal is a zero-length event).</li>
 *   <li>{@code allDay} (default false): {@code start}/{@code end} are {@code YYYY-MM-DD}, or
 *       date-times exactly at UTC midnight; {@code end} is exclusive. An all-day {@code end} equal
 *       to {@code start} is taken as a one-day event ({@code end = start + 1 day}), because agents
 *       commonly send the same date twice for "that day".</li>
 *   <li>{@code description} at most 5,000 characters, {@code location} at most 500,
 *       {@code color} {@code #rrggbb}, {@code timezone} an IANA zone id, {@code rrule} a
 *       {@link RecurrenceRule}.</li>
 * </ul>
 */
public final class EventRules {
    public static final int TITLE_MAX = 500;
    public static final int DESCRIPTION_MAX = 5_000;
    public static final int LOCATION_MAX = 500;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private EventRules() {
    }

    /**
     * The validated event data.
     *
     * @throws ValidationFailed with every issue of the draft
     */
    public static EventData validate(EventDraft draft) {
        Issues issues = new Issues();

        String title = Fields.required(draft.title(), "title", issues);
        if (title != null) {
            if (!Fields.lengthBetween(title, 1, TITLE_MAX)) {
                issues.add("title", "title must be 1 to " + TITLE_MAX + " characters");
            } else if (title.isBlank()) {
                issues.add("title", "title must not be blank");
            }
        }

        Boolean allDayValue = Fields.optional(draft.allDay(), "allDay", issues);
        boolean allDay = Boolean.TRUE.equals(allDayValue);
        Instant start = bound(Fields.required(draft.start(), "start", issues), "start", allDay, issues);
        Instant end = bound(Fields.required(draft.end(), "end", issues), "end", allDay, issues);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                issues.add("end", "end must not be before start");
            } else if (allDay && end.equals(start)) {
                end = start.plus(Duration.ofDays(1));
            }
        }

        String description = Fields.optional(draft.description(), "description", issues);
        Fields.maxLength(description, DESCRIPTION_MAX, "description", issues);
        String location = Fields.optional(draft.location(), "location", issues);
        Fields.maxLength(location, LOCATION_MAX, "location", issues);

        String color = Fields.optional(draft.color(), "color", issues);
        if (color != null && !COLOR.matcher(color).matches()) {
            issues.add("color", "color must be #rrggbb, e.g. #1a73e8");
        }

        String zoneText = Fields.optional(draft.timezone(), "timezone", issues);
        ZoneId timezone = zoneText == null ? null : Zones.parse(zoneText, "timezone", issues);

        String rruleText = Fields.optional(draft.rrule(), "rrule", issues);
        RecurrenceRule rrule = rruleText == null ? null : RecurrenceRule.parse(rruleText, "rrule", issues);

        issues.throwIfAny();
        return new EventData(title, start, end, allDay, description, location,
                rrule == null ? null : rrule.value(), timezone, color);
    }

    private static Instant bound(String text, String path, boolean allDay, Issues issues) {
        if (text == null) {
            return null;
        }
        Instant at;
        if (allDay) {
            at = Instants.date(text);
            if (at == null) {
                Instant dateTime = Instants.dateTime(text);
                if (dateTime != null && Instants.isUtcMidnight(dateTime)) {
                    at = dateTime;
                }
            }
            if (at == null) {
                issues.add(path, path + " must be a date YYYY-MM-DD when allDay is true, e.g. 2026-03-02");
                return null;
            }
        } else {
            at = Instants.dateTime(text);
            if (at == null) {
                String hint = Instants.date(text) != null ? " (a date alone needs allDay: true)" : "";
                issues.add(path, path + " must be an ISO 8601 date-time with offset, e.g. " + Instants.EXAMPLE + hint);
                return null;
            }
        }
        if (!Instants.inSupportedRange(at)) {
            issues.add(path, Instants.rangeMessage(path));
            return null;
        }
        return at;
    }
}

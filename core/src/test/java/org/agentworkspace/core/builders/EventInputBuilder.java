package org.agentworkspace.core.builders;

import org.agentworkspace.core.domain.EventDraft;
import org.agentworkspace.core.domain.Field;
import org.agentworkspace.core.port.in.EventInput;

/** An event body as an agent would send it; starts as a valid one-hour event. */
public final class EventInputBuilder {
    private Field<String> title = Field.of("Standup");
    private Field<String> start = Field.of("2026-01-15T09:00:00Z");
    private Field<String> end = Field.of("2026-01-15T10:00:00Z");
    private Field<Boolean> allDay = Field.absent();
    private Field<String> description = Field.absent();
    private Field<String> location = Field.absent();
    private Field<String> rrule = Field.absent();
    private Field<String> timezone = Field.absent();
    private Field<String> color = Field.absent();

    private EventInputBuilder() {
    }

    public static EventInputBuilder anEvent() {
        return new EventInputBuilder();
    }

    /** A body with no field at all: a PATCH that changes nothing, or a create that lacks everything. */
    public static EventInputBuilder noFields() {
        EventInputBuilder b = new EventInputBuilder();
        b.title = Field.absent();
        b.start = Field.absent();
        b.end = Field.absent();
        return b;
    }

    public EventInputBuilder withTitle(String v) { title = Field.ofNullable(v); return this; }
    public EventInputBuilder withTitle(Field<String> v) { title = v; return this; }
    public EventInputBuilder withStart(String v) { start = Field.ofNullable(v); return this; }
    public EventInputBuilder withStart(Field<String> v) { start = v; return this; }
    public EventInputBuilder withEnd(String v) { end = Field.ofNullable(v); return this; }
    public EventInputBuilder withEnd(Field<String> v) { end = v; return this; }
    public EventInputBuilder withAllDay(boolean v) { allDay = Field.of(v); return this; }
    public EventInputBuilder withAllDay(Field<Boolean> v) { allDay = v; return this; }
    public EventInputBuilder withDescription(String v) { description = Field.ofNullable(v); return this; }
    public EventInputBuilder withDescription(Field<String> v) { description = v; return this; }
    public EventInputBuilder withLocation(String v) { location = Field.ofNullable(v); return this; }
    public EventInputBuilder withRrule(String v) { rrule = Field.ofNullable(v); return this; }
    public EventInputBuilder withRrule(Field<String> v) { rrule = v; return this; }
    public EventInputBuilder withTimezone(String v) { timezone = Field.ofNullable(v); return this; }
    public EventInputBuilder withTimezone(Field<String> v) { timezone = v; return this; }
    public EventInputBuilder withColor(String v) { color = Field.ofNullable(v); return this; }

    public EventInput build() {
        return new EventInput(title, start, end, allDay, description, location, rrule, timezone, color);
    }

    public EventDraft draft() {
        return new EventDraft(title, start, end, allDay, description, location, rrule, timezone, color);
    }
}

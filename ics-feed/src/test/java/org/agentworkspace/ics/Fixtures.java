package org.agentworkspace.ics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.EventId;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.FeedHeader;

/** Builders for the core records the adapters consume, and a render-and-parse round trip. */
final class Fixtures {
    static final Instant GENERATED = Instant.parse("2026-03-01T12:00:00Z");
    static final AgentId AGENT_ID = new AgentId(UUID.fromString("0190f1e2-0000-7000-8000-000000000001"));

    private Fixtures() {
    }

    static Agent agent(String name, ZoneId zone) {
        return new Agent(AGENT_ID, new UserId("user_1"), name, null, zone, AgentStatus.ACTIVE,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    static FeedHeader header(FeedDetail detail, ZoneId agentZone, Set<ZoneId> zones) {
        return new FeedHeader(agent("Atlas", agentZone), detail, GENERATED, Duration.ofHours(1), zones);
    }

    static EventBuilder anEvent() {
        return new EventBuilder();
    }

    static byte[] render(FeedHeader header, List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new IcsFeedRenderer().render(header, sink -> events.forEach(sink), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Calendar parse(byte[] feed) {
        try {
            return new CalendarBuilder().build(new ByteArrayInputStream(feed));
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j could not parse the feed", e);
        }
    }

    static final class EventBuilder {
        private UUID id = UUID.fromString("0190f1e2-0000-7000-8000-0000000000aa");
        private String title = "Standup";
        private Instant start = Instant.parse("2026-03-02T09:00:00Z");
        private Instant end = Instant.parse("2026-03-02T09:30:00Z");
        private boolean allDay;
        private String description;
        private String location;
        private String rrule;
        private ZoneId timezone;
        private String color;
        private long version = 1;
        private Instant created = Instant.parse("2026-02-01T08:00:00Z");
        private Instant updated = Instant.parse("2026-02-01T08:00:00Z");

        EventBuilder withId(UUID value) {
            id = value;
            return this;
        }

        EventBuilder withTitle(String value) {
            title = value;
            return this;
        }

        EventBuilder between(String startIso, String endIso) {
            start = Instant.parse(startIso);
            end = Instant.parse(endIso);
            return this;
        }

        EventBuilder allDay(String startDate, String endDate) {
            allDay = true;
            start = Instant.parse(startDate + "T00:00:00Z");
            end = Instant.parse(endDate + "T00:00:00Z");
            return this;
        }

        EventBuilder withDescription(String value) {
            description = value;
            return this;
        }

        EventBuilder withLocation(String value) {
            location = value;
            return this;
        }

        EventBuilder withRrule(String value) {
            rrule = value;
            return this;
        }

        EventBuilder inZone(String zone) {
            timezone = ZoneId.of(zone);
            return this;
        }

        EventBuilder withColor(String value) {
            color = value;
            return this;
        }

        EventBuilder atVersion(long value, Instant updatedAt) {
            version = value;
            updated = updatedAt;
            return this;
        }

        EventData data() {
            return new EventData(title, start, end, allDay, description, location, rrule, timezone, color);
        }

        Event build() {
            return new Event(new EventId(id), AGENT_ID, data(), version, created, updated);
        }
    }
}

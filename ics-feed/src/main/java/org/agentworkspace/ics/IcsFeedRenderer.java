package org.agentworkspace.ics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.EventData;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.port.out.FeedHeader;
import org.agentworkspace.core.port.out.FeedRenderer;

/**
 * Renders an agent's calendar as an RFC 5545 feed, one VEVENT at a time as events arrive, so a
 * feed of any size renders in constant memory.
 *
 * <p>The same header and events always give the same bytes (DTSTAMP is the header's
 * {@code generatedAt}, zones are written in id order): the feed's ETag relies on it. A calendar
 * without events still holds the VTIMEZONE of the agent's zone, which makes it a valid
 * iCalendar object (RFC 5545 requires at least one component) that calendar apps accept.
 *
 * <p>Biweekly's own writer is not used for the lines: it folds by characters, not octets, and
 * writes whole calendars rather than one component at a time (see {@link ContentLineWriter}).
 * Biweekly parses the recurrence rules in {@link BiweeklyRecurrenceExpander}.
 */
public final class IcsFeedRenderer implements FeedRenderer {
    static final String PRODID = "-//AgentWorkspace//Calendar//EN";
    static final String UID_DOMAIN = "@agentworkspace";

    public IcsFeedRenderer() {
    }

    @Override
    public String contentType() {
        return "text/calendar; charset=utf-8";
    }

    @Override
    public void render(FeedHeader header, Consumer<Consumer<Event>> events, OutputStream out) throws IOException {
        ContentLineWriter w = new ContentLineWriter(out);
        ZoneId agentZone = header.agent().timezone();
        Set<ZoneId> written = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        written.addAll(header.zones());
        written.add(agentZone);

        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:" + PRODID);
        w.line("CALSCALE:GREGORIAN");
        w.line("METHOD:PUBLISH");
        String name = IcsValues.text(header.agent().name());
        w.line("NAME:" + name);
        w.line("X-WR-CALNAME:" + name);
        w.line("X-WR-TIMEZONE:" + agentZone.getId());
        String refresh = IcsValues.duration(header.refreshInterval());
        w.line("REFRESH-INTERVAL;VALUE=DURATION:" + refresh);
        w.line("X-PUBLISHED-TTL:" + refresh);
        for (ZoneId zone : written) {
            VTimezoneWriter.write(w, zone);
        }

        // A zone the header failed to announce still gets its VTIMEZONE, after the events: RFC 5545
        // does not order components, and a TZID without definition would be worse.
        Set<ZoneId> late = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        Set<String> known = new HashSet<>();
        written.forEach(z -> known.add(z.getId()));
        EventWriter writer = new EventWriter(w, header);
        try {
            events.accept(event -> {
                try {
                    ZoneId zone = writer.write(event);
                    if (zone != null && !known.contains(zone.getId())) {
                        late.add(zone);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (ZoneId zone : late) {
            VTimezoneWriter.write(w, zone);
        }
        w.line("END:VCALENDAR");
        w.flush();
    }

    /**
     * Writes the VEVENTs of one feed. Each line is composed in the writer's one builder, and what
     * is the same for every event (DTSTAMP, the detail level) is worked out once per feed: a
     * 10,000-event feed used to allocate 80–130 MB in strings (docs/performance.md, "What changed").
     */
    private static final class EventWriter {
        private final ContentLineWriter w;
        private final boolean busy;
        private final ZoneId agentZone;
        private final String dtstamp;

        EventWriter(ContentLineWriter w, FeedHeader header) {
            this.w = w;
            this.busy = header.detail() == FeedDetail.BUSY;
            this.agentZone = header.agent().timezone();
            this.dtstamp = "DTSTAMP:" + IcsValues.utc(header.generatedAt());
        }

        /** Writes one VEVENT and answers the zone its times are expressed in, or null for UTC/dates. */
        ZoneId write(Event event) throws IOException {
            EventData d = event.data();
            w.line("BEGIN:VEVENT");
            StringBuilder uid = w.start("UID:");
            IcsValues.uuid(uid, event.id().value());
            uid.append(UID_DOMAIN);
            w.end();
            w.line(dtstamp);
            IcsValues.utc(w.start("CREATED:"), event.createdAt());
            w.end();
            IcsValues.utc(w.start("LAST-MODIFIED:"), event.updatedAt());
            w.end();
            w.start("SEQUENCE:").append(Math.max(0, event.version() - 1));
            w.end();

            ZoneId zone = null;
            if (d.allDay()) {
                long start = IcsValues.epochDay(d.start());
                long end = IcsValues.epochDay(d.end());
                IcsValues.date(w.start("DTSTART;VALUE=DATE:"), start);
                w.end();
                IcsValues.date(w.start("DTEND;VALUE=DATE:"), end > start ? end : start + 1);
                w.end();
            } else {
                zone = d.timezone() != null ? d.timezone() : d.recurring() ? agentZone : null;
                dateTime("DTSTART", d.start(), zone);
                // DTEND equal to DTSTART is left out: RFC 5545 then ends the event at its start anyway.
                if (d.end().isAfter(d.start())) {
                    dateTime("DTEND", d.end(), zone);
                }
            }

            if (busy) {
                w.line("SUMMARY:Busy");
            } else {
                text("SUMMARY:", d.title());
                if (d.description() != null) {
                    text("DESCRIPTION:", d.description());
                }
                if (d.location() != null) {
                    text("LOCATION:", d.location());
                }
            }
            if (d.rrule() != null) {
                rrule(w.start("RRULE:"), d.rrule());
                w.end();
            }
            if (!busy && d.color() != null) {
                Optional<String> color = CssColors.nearest(d.color());
                if (color.isPresent()) {
                    w.start("COLOR:").append(color.get());
                    w.end();
                }
            }
            if (busy) {
                w.line("TRANSP:OPAQUE");
            }
            w.line("END:VEVENT");
            return zone;
        }

        private void text(String name, String value) throws IOException {
            IcsValues.text(w.start(name), value);
            w.end();
        }

        private void dateTime(String name, Instant instant, ZoneId zone) throws IOException {
            StringBuilder line = w.start(name);
            if (zone == null) {
                IcsValues.utc(line.append(':'), instant);
            } else {
                int offset = zone instanceof ZoneOffset fixed ? fixed.getTotalSeconds()
                        : zone.getRules().getOffset(instant).getTotalSeconds();
                IcsValues.local(line.append(";TZID=").append(zone.getId()).append(':'), instant, offset);
            }
            w.end();
        }
    }

    /**
     * Appends the stored rule as it is; only characters a RECUR value can hold pass, so a corrupt
     * row cannot smuggle a line break or another property into the feed.
     */
    private static void rrule(StringBuilder out, String rrule) {
        int from = rrule.regionMatches(true, 0, "RRULE:", 0, 6) ? 6 : 0;
        for (int i = from; i < rrule.length(); i++) {
            char c = rrule.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '=' || c == ';' || c == ',' || c == '-' || c == '+';
            if (!allowed) {
                throw new IllegalArgumentException("stored rrule holds a character a RECUR value cannot");
            }
        }
        out.append(rrule, from, rrule.length());
    }
}

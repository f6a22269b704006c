package org.agentworkspace.ics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
public final class BiweeklyFeedRenderer implements FeedRenderer {
    static final String PRODID = "-//AgentWorkspace//Calendar//EN";
    static final String UID_DOMAIN = "@agentworkspace";

    public BiweeklyFeedRenderer() {
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
        try {
            events.accept(event -> {
                try {
                    ZoneId zone = writeEvent(w, header, event);
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

    /** Writes one VEVENT and answers the zone its times are expressed in, or null for UTC/dates. */
    private static ZoneId writeEvent(ContentLineWriter w, FeedHeader header, Event event) throws IOException {
        EventData d = event.data();
        boolean busy = header.detail() == FeedDetail.BUSY;
        w.line("BEGIN:VEVENT");
        w.line("UID:" + event.id() + UID_DOMAIN);
        w.line("DTSTAMP:" + IcsValues.utc(header.generatedAt()));
        w.line("CREATED:" + IcsValues.utc(event.createdAt()));
        w.line("LAST-MODIFIED:" + IcsValues.utc(event.updatedAt()));
        w.line("SEQUENCE:" + Math.max(0, event.version() - 1));

        ZoneId zone = null;
        if (d.allDay()) {
            LocalDate start = d.startDate();
            LocalDate end = d.endDate().isAfter(start) ? d.endDate() : start.plusDays(1);
            w.line("DTSTART;VALUE=DATE:" + IcsValues.date(start));
            w.line("DTEND;VALUE=DATE:" + IcsValues.date(end));
        } else {
            zone = d.timezone() != null ? d.timezone() : d.recurring() ? header.agent().timezone() : null;
            w.line("DTSTART" + dateTime(d.start(), zone));
            // DTEND equal to DTSTART is left out: RFC 5545 then ends the event at its start anyway.
            if (d.end().isAfter(d.start())) {
                w.line("DTEND" + dateTime(d.end(), zone));
            }
        }

        w.line("SUMMARY:" + (busy ? "Busy" : IcsValues.text(d.title())));
        if (!busy && d.description() != null) {
            w.line("DESCRIPTION:" + IcsValues.text(d.description()));
        }
        if (!busy && d.location() != null) {
            w.line("LOCATION:" + IcsValues.text(d.location()));
        }
        if (d.rrule() != null) {
            w.line("RRULE:" + rruleValue(d.rrule()));
        }
        if (!busy && d.color() != null) {
            Optional<String> color = CssColors.nearest(d.color());
            if (color.isPresent()) {
                w.line("COLOR:" + color.get());
            }
        }
        if (busy) {
            w.line("TRANSP:OPAQUE");
        }
        w.line("END:VEVENT");
        return zone;
    }

    private static String dateTime(Instant instant, ZoneId zone) {
        if (zone == null) {
            return ":" + IcsValues.utc(instant);
        }
        return ";TZID=" + zone.getId() + ":" + IcsValues.local(LocalDateTime.ofInstant(instant, zone));
    }

    /**
     * The stored rule as it is; only characters a RECUR value can hold pass, so a corrupt row
     * cannot smuggle a line break or another property into the feed.
     */
    private static String rruleValue(String rrule) {
        String value = rrule.regionMatches(true, 0, "RRULE:", 0, 6) ? rrule.substring(6) : rrule;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '=' || c == ';' || c == ',' || c == '-' || c == '+';
            if (!allowed) {
                throw new IllegalArgumentException("stored rrule holds a character a RECUR value cannot");
            }
        }
        return value;
    }
}

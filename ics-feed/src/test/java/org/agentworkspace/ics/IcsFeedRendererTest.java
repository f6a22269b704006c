package org.agentworkspace.ics;

import static org.agentworkspace.ics.Fixtures.anEvent;
import static org.agentworkspace.ics.Fixtures.header;
import static org.agentworkspace.ics.Fixtures.parse;
import static org.agentworkspace.ics.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.port.out.FeedHeader;
import org.junit.jupiter.api.Test;

class IcsFeedRendererTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static String prop(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String prop(Calendar c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse(null);
    }

    /**
     * Validates every component by RFC 5545. Not {@code Calendar.validate()}: with METHOD:PUBLISH
     * ical4j applies iTIP (RFC 5546), which wants an ORGANIZER that a read-only feed has no honest
     * value for.
     */
    private static void assertValid(Calendar calendar) {
        for (Component component : calendar.getComponentList().getAll()) {
            assertThat(component.validate().hasErrors()).as(component.getName() + " " + component.validate()).isFalse();
        }
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void contentTypeIsUtf8Calendar() {
        assertThat(new IcsFeedRenderer().contentType()).isEqualTo("text/calendar; charset=utf-8");
    }

    @Test
    void calendarHeaderCarriesIdentityNameZoneAndRefreshHints() {
        Calendar calendar = parse(render(header(FeedDetail.FULL, BERLIN, Set.of()), List.of()));

        assertThat(prop(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(prop(calendar, "PRODID")).isEqualTo("-//AgentWorkspace//Calendar//EN");
        assertThat(prop(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
        assertThat(prop(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(prop(calendar, "X-WR-CALNAME")).isEqualTo("Atlas");
        assertThat(prop(calendar, "X-WR-TIMEZONE")).isEqualTo("Europe/Berlin");
        assertThat(prop(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT1H");
        Property refresh = calendar.getProperty("REFRESH-INTERVAL").orElseThrow();
        assertThat(refresh.getValue()).isEqualTo("PT1H");
        assertThat(refresh.getParameter("VALUE").map(p -> p.getValue())).contains("DURATION");
    }

    @Test
    void emptyFeedIsAValidCalendarWithTheAgentsTimezoneAndNoEvent() {
        byte[] feed = render(header(FeedDetail.FULL, BERLIN, Set.of()), List.of());
        Calendar calendar = parse(feed);

        assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).isEmpty();
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).extracting(z -> prop(z, "TZID")).containsExactly("Europe/Berlin");
        assertValid(calendar);
        ContentLineWriterTest.checkedUnfold(feed);
    }

    @Test
    void eventCarriesStableUidStampsSequenceAndText() {
        Event event = anEvent().withTitle("Plan, review; ship \\ done")
                .withDescription("Line one\nLine two, with comma; and semicolon\\")
                .withLocation("Room 1, Floor 2")
                .build();
        VEvent vevent = onlyEvent(parse(render(header(FeedDetail.FULL, UTC, Set.of()), List.of(event))));

        assertThat(prop(vevent, "UID")).isEqualTo(event.id() + "@agentworkspace");
        assertThat(prop(vevent, "DTSTAMP")).isEqualTo("20260301T120000Z");
        assertThat(prop(vevent, "CREATED")).isEqualTo("20260201T080000Z");
        assertThat(prop(vevent, "LAST-MODIFIED")).isEqualTo("20260201T080000Z");
        assertThat(prop(vevent, "SEQUENCE")).isEqualTo("0");
        assertThat(prop(vevent, "SUMMARY")).isEqualTo("Plan, review; ship \\ done");
        assertThat(prop(vevent, "DESCRIPTION")).isEqualTo("Line one\nLine two, with comma; and semicolon\\");
        assertThat(prop(vevent, "LOCATION")).isEqualTo("Room 1, Floor 2");
        assertThat(prop(vevent, "DTSTART")).isEqualTo("20260302T090000Z");
        assertThat(prop(vevent, "DTEND")).isEqualTo("20260302T093000Z");
        assertThat(prop(vevent, "RRULE")).isNull();
        assertThat(prop(vevent, "TRANSP")).isNull();
    }

    @Test
    void rawBytesEscapeSpecialCharactersOnTheWire() {
        Event event = anEvent().withTitle("a,b;c\\d\ne").build();
        String text = ContentLineWriterTest.checkedUnfold(render(header(FeedDetail.FULL, UTC, Set.of()), List.of(event)));
        assertThat(text).contains("\nSUMMARY:a\\,b\\;c\\\\d\\ne\n");
    }

    @Test
    void optionalFieldsAreOmittedWhenUnset() {
        VEvent vevent = onlyEvent(parse(render(header(FeedDetail.FULL, UTC, Set.of()), List.of(anEvent().build()))));
        assertThat(vevent.getProperty("DESCRIPTION")).isEmpty();
        assertThat(vevent.getProperty("LOCATION")).isEmpty();
        assertThat(vevent.getProperty("COLOR")).isEmpty();
    }

    @Test
    void emojiAndFourByteCharactersSurviveFoldingExactly() {
        String title = "Launch 🚀🚀🚀 with 𝄞 music and 日本語 " + "😀".repeat(40);
        String description = "多字节".repeat(60) + "\n" + "🎉".repeat(70);
        Event event = anEvent().withTitle(title).withDescription(description).build();
        byte[] feed = render(header(FeedDetail.FULL, UTC, Set.of()), List.of(event));

        ContentLineWriterTest.checkedUnfold(feed);
        VEvent vevent = onlyEvent(parse(feed));
        assertThat(prop(vevent, "SUMMARY")).isEqualTo(title);
        assertThat(prop(vevent, "DESCRIPTION")).isEqualTo(description);
    }

    @Test
    void allDayEventUsesDatesWithExclusiveEnd() {
        Event event = anEvent().allDay("2026-03-02", "2026-03-04").build();
        VEvent vevent = onlyEvent(parse(render(header(FeedDetail.FULL, BERLIN, Set.of()), List.of(event))));

        DtStart<Temporal> start = vevent.<Temporal>getStartDate().orElseThrow();
        assertThat(start.getDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(vevent.getProperty("DTSTART").orElseThrow().getParameter("VALUE").map(p -> p.getValue()))
                .contains("DATE");
        assertThat(vevent.<Temporal>getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void timezonedEventIsWrittenInLocalTimeAndResolvesToTheRightInstantInWinterAndSummer() {
        Event winter = anEvent().withId(UUID.randomUUID()).inZone("Europe/Berlin")
                .between("2026-01-15T08:00:00Z", "2026-01-15T09:00:00Z").build();
        Event summer = anEvent().withId(UUID.randomUUID()).inZone("Europe/Berlin")
                .between("2026-07-15T07:00:00Z", "2026-07-15T08:00:00Z").build();
        byte[] feed = render(header(FeedDetail.FULL, UTC, Set.of(BERLIN)), List.of(winter, summer));
        Calendar calendar = parse(feed);

        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).extracting(z -> prop(z, "TZID"))
                .containsExactly("Europe/Berlin", "UTC");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        assertThat(prop(events.get(0), "DTSTART")).isEqualTo("20260115T090000");
        assertThat(prop(events.get(1), "DTSTART")).isEqualTo("20260715T090000");
        assertThat(events.get(0).getProperty("DTSTART").orElseThrow().getParameter("TZID").map(p -> p.getValue()))
                .contains("Europe/Berlin");
        assertThat(instant(events.get(0))).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
        assertThat(instant(events.get(1))).isEqualTo(Instant.parse("2026-07-15T07:00:00Z"));
        assertValid(calendar);
    }

    private static Instant instant(VEvent vevent) {
        Temporal start = vevent.<Temporal>getStartDate().orElseThrow().getDate();
        return ((ZonedDateTime) start).toInstant();
    }

    @Test
    void recurringEventWithoutItsOwnZoneRecursInTheAgentsZone() {
        Event event = anEvent().withRrule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
                .between("2026-03-02T08:00:00Z", "2026-03-02T08:30:00Z").build();
        byte[] feed = render(header(FeedDetail.FULL, BERLIN, Set.of()), List.of(event));
        Calendar calendar = parse(feed);
        VEvent vevent = onlyEvent(calendar);

        assertThat(vevent.getProperty("RRULE")).isPresent();
        assertThat(new String(feed, StandardCharsets.UTF_8)).contains("\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10\r\n");
        assertThat(prop(vevent, "DTSTART")).isEqualTo("20260302T090000");
        assertThat(vevent.getProperty("DTSTART").orElseThrow().getParameter("TZID").map(p -> p.getValue()))
                .contains("Europe/Berlin");
        assertThat(instant(vevent)).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).extracting(z -> prop(z, "TZID"))
                .containsExactly("Europe/Berlin");
    }

    @Test
    void sequenceAndLastModifiedFollowTheEventsVersion() {
        Instant updated = Instant.parse("2026-02-20T10:15:30Z");
        Event event = anEvent().atVersion(3, updated).build();
        VEvent vevent = onlyEvent(parse(render(header(FeedDetail.FULL, UTC, Set.of()), List.of(event))));

        assertThat(prop(vevent, "SEQUENCE")).isEqualTo("2");
        assertThat(prop(vevent, "LAST-MODIFIED")).isEqualTo("20260220T101530Z");
    }

    @Test
    void busyDetailHidesEveryTextAndMarksTheTimeOpaque() {
        Event event = anEvent().withTitle("Secret merger talk").withDescription("confidential")
                .withLocation("Board room").withColor("#ff0000").build();
        byte[] feed = render(header(FeedDetail.BUSY, UTC, Set.of()), List.of(event));
        VEvent vevent = onlyEvent(parse(feed));

        assertThat(prop(vevent, "SUMMARY")).isEqualTo("Busy");
        assertThat(vevent.getProperty("DESCRIPTION")).isEmpty();
        assertThat(vevent.getProperty("LOCATION")).isEmpty();
        assertThat(vevent.getProperty("COLOR")).isEmpty();
        assertThat(prop(vevent, "TRANSP")).isEqualTo("OPAQUE");
        assertThat(new String(feed, StandardCharsets.UTF_8)).doesNotContain("Secret", "confidential", "Board");
    }

    @Test
    void colorIsWrittenAsTheNearestCss3Name() {
        Event event = anEvent().withColor("#fe0000").build();
        VEvent vevent = onlyEvent(parse(render(header(FeedDetail.FULL, UTC, Set.of()), List.of(event))));
        assertThat(prop(vevent, "COLOR")).isEqualTo("red");
    }

    @Test
    void identicalInputGivesIdenticalBytes() {
        FeedHeader header = header(FeedDetail.FULL, BERLIN, Set.of(ZoneId.of("America/New_York"), BERLIN));
        List<Event> events = List.of(
                anEvent().withTitle("One 🚀").inZone("America/New_York").build(),
                anEvent().withId(UUID.fromString("0190f1e2-0000-7000-8000-0000000000bb")).allDay("2026-05-01", "2026-05-02").build());
        assertThat(render(header, events)).isEqualTo(render(header, events));
    }

    @Test
    void zoneMissingFromTheHeaderStillGetsItsVtimezone() {
        Event event = anEvent().inZone("Asia/Tokyo").build();
        Calendar calendar = parse(render(header(FeedDetail.FULL, UTC, Set.of()), List.of(event)));
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).extracting(z -> prop(z, "TZID"))
                .containsExactlyInAnyOrder("UTC", "Asia/Tokyo");
    }

    @Test
    void tenThousandEventsStreamIntoADiscardingStream() throws IOException {
        CountingStream out = new CountingStream();
        new IcsFeedRenderer().render(header(FeedDetail.FULL, BERLIN, Set.of()), sink -> {
            for (int i = 0; i < 10_000; i++) {
                sink.accept(anEvent().withId(new UUID(1, i)).withTitle("Event " + i)
                        .withDescription("Description of event " + i).build());
            }
        }, out);
        assertThat(out.endEvents).isEqualTo(10_000);
        assertThat(out.bytes).isGreaterThan(10_000L * 200);
    }

    /** Discards the bytes; counts them and the END:VEVENT lines so the test sees every event went out. */
    private static final class CountingStream extends OutputStream {
        private static final byte[] END = "END:VEVENT\r\n".getBytes(StandardCharsets.US_ASCII);
        long bytes;
        int endEvents;
        private int matched;

        @Override
        public void write(int b) {
            bytes++;
            matched = b == END[matched] ? matched + 1 : (b == END[0] ? 1 : 0);
            if (matched == END.length) {
                endEvents++;
                matched = 0;
            }
        }
    }
}

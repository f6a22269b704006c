package org.agentworkspace.ics;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.Observance;
import biweekly.io.ICalTimeZone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VTimezoneWriterTest {

    private static VTimeZone parsed(ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLineWriter w = new ContentLineWriter(out);
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:-//test//EN");
        VTimezoneWriter.write(w, zone);
        w.line("END:VCALENDAR");
        w.flush();
        List<VTimeZone> zones = Fixtures.parse(out.toByteArray()).getComponents(Component.VTIMEZONE);
        assertThat(zones).hasSize(1);
        return zones.get(0);
    }

    /**
     * The offsets are read back with biweekly's {@code ICalTimeZone}, which is independent of the
     * hand-written writer under test. ical4j 4.1.1 parses the block (checked below) but its
     * {@code TimeZone.getOffset} answers wrongly for some historical onsets even of correct
     * VTIMEZONEs (e.g. New York 1982-04-25T05:00Z as -04:00), so it cannot serve as the oracle here.
     * Both libraries also misplace onsets by hours on the day of a change (biweekly 0.6.8 answers
     * +02:00 for Berlin at 1997-10-26T01:00Z), so instants within 36 hours of a change are skipped
     * here; the exact onsets are checked textually in
     * {@link #everyHistoricalChangeIsAnObservanceAtTheJdksLocalOnset} and the yearly rules in
     * {@link #currentRulesAreYearlyRrules}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "UTC",
        "America/Santiago", "Europe/Dublin", "Pacific/Chatham", "Australia/Lord_Howe", "America/Sao_Paulo",
        "Asia/Kolkata", "America/St_Johns", "Europe/London", "Africa/Casablanca", "Asia/Tehran"})
    void independentParserGivesTheJdksOffsetAtEveryInstantFrom1970To2060(String id) throws IOException {
        ZoneId zone = ZoneId.of(id);
        assertThat(parsed(zone).getObservances()).isNotEmpty();
        ICalTimeZone fromFeed = biweeklyRead(zone);
        Instant end = Instant.parse("2060-01-01T00:00:00Z");
        // Every 61 hours walks across every hour of the day and every weekday over the years.
        for (Instant t = Instant.parse("1970-01-02T00:00:00Z"); t.isBefore(end); t = t.plus(Duration.ofHours(61))) {
            if (nearChange(zone, t)) {
                continue;
            }
            int expected = zone.getRules().getOffset(t).getTotalSeconds() * 1000;
            Observance observance = fromFeed.getObservance(Date.from(t));
            assertThat(observance).as("%s at %s", id, t).isNotNull();
            assertThat(observance.getTimezoneOffsetTo().getValue().getMillis()).as("%s at %s", id, t)
                    .isEqualTo(expected);
        }
    }

    private static boolean nearChange(ZoneId zone, Instant t) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition next = rules.nextTransition(t.minus(Duration.ofHours(36)));
        return next != null && next.getInstant().isBefore(t.plus(Duration.ofHours(36)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Africa/Casablanca"})
    void everyHistoricalChangeIsAnObservanceAtTheJdksLocalOnset(String id) throws IOException {
        ZoneId zone = ZoneId.of(id);
        String text = ContentLineWriterTest.checkedUnfold(block(zone));
        for (ZoneOffsetTransition t : zone.getRules().getTransitions()) {
            if (t.getInstant().isAfter(Instant.parse("1970-01-01T00:00:00Z"))) {
                String kind = zone.getRules().isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD";
                assertThat(text).contains("BEGIN:" + kind + "\nDTSTART:" + IcsValues.local(t.getDateTimeBefore())
                        + "\nTZOFFSETFROM:" + IcsValues.offset(t.getOffsetBefore())
                        + "\nTZOFFSETTO:" + IcsValues.offset(t.getOffsetAfter()) + "\n");
            }
        }
    }

    private static byte[] block(ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLineWriter w = new ContentLineWriter(out);
        VTimezoneWriter.write(w, zone);
        w.flush();
        return out.toByteArray();
    }

    private static ICalTimeZone biweeklyRead(ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLineWriter w = new ContentLineWriter(out);
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:-//test//EN");
        VTimezoneWriter.write(w, zone);
        w.line("END:VCALENDAR");
        w.flush();
        ICalendar calendar = Biweekly.parse(out.toString(StandardCharsets.UTF_8)).first();
        return new ICalTimeZone(calendar.getTimezoneInfo().getComponents().iterator().next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo"})
    void zoneWithoutChangesIsOneStandardObservance(String id) throws IOException {
        VTimeZone vtz = parsed(ZoneId.of(id));
        assertThat(vtz.getObservances()).hasSize(1);
        assertThat(vtz.getObservances().get(0).getName()).isEqualTo("STANDARD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York"})
    void currentRulesAreYearlyRrules(String id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLineWriter w = new ContentLineWriter(out);
        VTimezoneWriter.write(w, ZoneId.of(id));
        w.flush();
        String text = out.toString(StandardCharsets.UTF_8);
        ZoneOffsetTransition next = ZoneId.of(id).getRules().nextTransition(Instant.parse("2030-01-01T00:00:00Z"));
        // Both zones change on a Sunday at 02:00 or 03:00 local, the EU on the last, the US on the second.
        assertThat(text).contains("BEGIN:DAYLIGHT", "TZOFFSETTO:" + IcsValues.offset(next.getOffsetAfter()));
        assertThat(text).contains(id.startsWith("Europe")
                ? "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" : "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
        assertThat(text).contains(id.startsWith("Europe")
                ? "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" : "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    }
}

package org.agentworkspace.ics;

import static org.agentworkspace.ics.Fixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.port.out.FeedHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The feed's bytes are its ETag and what calendar apps diff against, so a faster renderer must
 * write exactly what the previous one wrote. The golden files were written by the renderer
 * before its rewrite for speed (docs/performance.md, "What changed") from the calendar below.
 *
 * <p>The VTIMEZONE blocks come from the JDK's tzdata; the zones are ones whose rules have not
 * changed since 1970 apart from the yearly switches, so a tzdata update should not touch them.
 * If one does, regenerate the files from a commit before the rewrite rather than from this one.
 */
class IcsFeedRendererGoldenTest {

    @ParameterizedTest
    @EnumSource(FeedDetail.class)
    void variedCalendarRendersExactlyAsBeforeTheRewrite(FeedDetail detail) throws IOException {
        byte[] rendered = Fixtures.render(header(detail), events());

        assertThat(new String(rendered, StandardCharsets.UTF_8)).isEqualTo(new String(golden(detail), StandardCharsets.UTF_8));
        assertThat(rendered).isEqualTo(golden(detail));
        ContentLineWriterTest.checkedUnfold(rendered);
        Fixtures.parse(rendered);
    }

    static String goldenName(FeedDetail detail) {
        return "golden-feed-" + detail.name().toLowerCase(java.util.Locale.ROOT) + ".ics";
    }

    private static byte[] golden(FeedDetail detail) throws IOException {
        try (InputStream in = IcsFeedRendererGoldenTest.class.getResourceAsStream(goldenName(detail))) {
            assertThat(in).as("golden file " + goldenName(detail)).isNotNull();
            return in.readAllBytes();
        }
    }

    static FeedHeader header(FeedDetail detail) {
        return new FeedHeader(Fixtures.agent("Atlas, ☕ Büro; \\ 日本 team", ZoneId.of("Europe/Berlin")), detail,
                Instant.parse("2026-03-01T12:34:56.789Z"), Duration.ofSeconds(3605),
                Set.of(ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/Berlin")));
    }

    static List<Event> events() {
        // Folding is at 75 octets; these prefixes put 2-, 3- and 4-byte characters across every fold offset.
        StringBuilder folding = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            folding.append("x".repeat(i)).append("é日🚀");
        }
        return List.of(
                event(1).withTitle("Plain standup").build(),
                event(2).withTitle("Launch 🚀🚀🚀 with 𝄞 music and 日本語 " + "😀".repeat(40))
                        .withDescription("多字节".repeat(60) + "\r\n" + "🎉".repeat(70) + "\r" + folding + "\n" + "ü".repeat(101))
                        .withLocation("Room 1, Floor 2; Building \\ East")
                        .withColor("#fe0000").build(),
                event(3).withTitle("Control\u0000chars\u0007 and\ttab\u007F end").withDescription("").build(),
                event(4).withTitle("Holiday").allDay("2026-03-02", "2026-03-04").withColor("#123456").build(),
                event(5).withTitle("Same-day all-day").allDay("2026-03-05", "2026-03-05").build(),
                event(6).withTitle("New York call").inZone("America/New_York")
                        .between("2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z").build(),
                event(7).withTitle("Instant reminder").between("2026-03-09T10:00:00Z", "2026-03-09T10:00:00Z").build(),
                event(8).withTitle("Weekly in the agent's zone").withRrule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
                        .between("2026-03-02T08:00:00Z", "2026-03-02T08:30:00Z").build(),
                event(9).withTitle("Monthly in Kolkata").withRrule("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231T000000Z")
                        .inZone("Asia/Kolkata").between("2026-01-31T03:30:00Z", "2026-01-31T04:00:00Z").build(),
                event(10).withTitle("Yearly all-day").withRrule("rrule:FREQ=YEARLY;INTERVAL=2")
                        .allDay("2026-02-28", "2026-03-01").build(),
                event(11).withTitle("Tokyo, not announced in the header").inZone("Asia/Tokyo")
                        .between("2026-04-01T00:00:00Z", "2026-04-01T01:00:00Z").build(),
                event(12).withTitle("Edited three times").atVersion(4, Instant.parse("2026-02-20T10:15:30.123456789Z"))
                        .between("2026-12-31T23:59:59Z", "2027-01-01T00:00:01Z").build(),
                event(13).withTitle("Far past").between("1900-01-01T00:00:00Z", "1900-01-01T01:00:00Z").build(),
                event(14).withTitle("S".repeat(67)).withDescription("a".repeat(74)).withLocation("b".repeat(300)).build(),
                // A lone surrogate cannot be UTF-8; the JDK's encoder writes '?' for it, and so must the feed.
                event(15).withTitle("lone \uD83D high, \uDE00 low, \uD83D\uD83D\uDE00 pair " + "\uD83D".repeat(80)).build());
    }

    private static Fixtures.EventBuilder event(int n) {
        return anEvent().withId(new UUID(0x0190f1e200007000L, 0x8000000000000000L | n));
    }
}

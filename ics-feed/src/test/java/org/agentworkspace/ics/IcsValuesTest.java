package org.agentworkspace.ics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IcsValuesTest {

    @Test
    void textEscapesBackslashSemicolonCommaAndEveryKindOfLineBreak() {
        assertThat(IcsValues.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    }

    @Test
    void textDropsControlCharactersButKeepsTabsAndUnicode() {
        assertThat(IcsValues.text("a\u0000b\u0007c\td\u007Fé🚀")).isEqualTo("abc\tdé🚀");
    }

    @Test
    void dateTimesAreWrittenInBasicFormatLikeTheJdkFormatterWould() {
        assertThat(IcsValues.utc(java.time.Instant.parse("2026-03-02T09:05:07.999Z"))).isEqualTo("20260302T090507Z");
        assertThat(IcsValues.utc(java.time.Instant.parse("1900-01-01T00:00:00Z"))).isEqualTo("19000101T000000Z");
        assertThat(IcsValues.local(java.time.LocalDateTime.of(2199, 12, 31, 23, 59, 59))).isEqualTo("21991231T235959");
        assertThat(IcsValues.date(java.time.LocalDate.of(2026, 1, 5))).isEqualTo("20260105");
        java.time.format.DateTimeFormatter jdk = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 7_258_118_400L));
            assertThat(IcsValues.utc(t)).isEqualTo(jdk.format(t));
        }
    }

    @Test
    void appendedFormsWriteWhatTheJdkWouldAcrossAndBeyondFourDigitYears() {
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd");
        java.util.List<java.time.ZoneId> zones = java.util.List.of(java.time.ZoneId.of("Europe/Berlin"),
                java.time.ZoneId.of("America/St_Johns"), java.time.ZoneId.of("Pacific/Chatham"), java.time.ZoneOffset.ofHours(-11));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            // Mostly 1900–2199, some beyond year 9999 and before year 0, where the formatter takes over.
            long bound = i % 10 == 0 ? 400_000_000_000L : 7_258_118_400L;
            java.time.Instant t = java.time.Instant.ofEpochSecond(random.nextLong(-bound, bound), random.nextInt(1_000_000_000));
            java.time.ZoneId zone = zones.get(i % zones.size());
            java.time.LocalDateTime wall = java.time.LocalDateTime.ofInstant(t, zone);

            StringBuilder sb = new StringBuilder("x");
            IcsValues.local(sb, t, zone.getRules().getOffset(t).getTotalSeconds());
            assertThat(sb).as("%s in %s", t, zone).hasToString("x" + local.format(wall.withNano(0)));
            assertThat(IcsValues.local(wall)).isEqualTo(local.format(wall.withNano(0)));
            assertThat(IcsValues.utc(t)).isEqualTo(local.format(java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC).withNano(0)) + "Z");
            sb.setLength(0);
            IcsValues.date(sb, IcsValues.epochDay(t));
            assertThat(sb).hasToString(date.format(java.time.LocalDate.ofInstant(t, java.time.ZoneOffset.UTC)));
            assertThat(IcsValues.date(wall.toLocalDate())).isEqualTo(date.format(wall.toLocalDate()));
        }
    }

    @Test
    void uuidIsAppendedAsUuidToStringWritesIt() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 1000; i++) {
            java.util.UUID uuid = i == 0 ? new java.util.UUID(0, 0) : i == 1 ? new java.util.UUID(-1, -1)
                    : new java.util.UUID(random.nextLong(), random.nextLong());
            StringBuilder sb = new StringBuilder();
            IcsValues.uuid(sb, uuid);
            assertThat(sb).hasToString(uuid.toString());
        }
    }

    @Test
    void appendedTextKeepsWhatWasThereBefore() {
        StringBuilder sb = new StringBuilder("SUMMARY:");
        IcsValues.text(sb, "a,b");
        assertThat(sb).hasToString("SUMMARY:a\\,b");
    }

    @Test
    void durationNeverSkipsMinutesBetweenHoursAndSeconds() {
        assertThat(IcsValues.duration(Duration.ofHours(1))).isEqualTo("PT1H");
        assertThat(IcsValues.duration(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
        assertThat(IcsValues.duration(Duration.ofSeconds(3605))).isEqualTo("PT1H0M5S");
        assertThat(IcsValues.duration(Duration.ofHours(24))).isEqualTo("PT24H");
        assertThat(IcsValues.duration(Duration.ofMillis(500))).isEqualTo("PT0S");
    }

    @Test
    void offsetsCarrySecondsOnlyWhenThereAreAny() {
        assertThat(IcsValues.offset(ZoneOffset.ofHours(1))).isEqualTo("+0100");
        assertThat(IcsValues.offset(ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-0330");
        assertThat(IcsValues.offset(ZoneOffset.UTC)).isEqualTo("+0000");
        assertThat(IcsValues.offset(ZoneOffset.ofTotalSeconds(-(44 * 60 + 30)))).isEqualTo("-004430");
    }
}

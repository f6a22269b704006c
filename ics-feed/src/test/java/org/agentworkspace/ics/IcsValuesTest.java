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

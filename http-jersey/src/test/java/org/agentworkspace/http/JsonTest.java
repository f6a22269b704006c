package org.agentworkspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static String jdk(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void instantsAreWrittenAsIsoInstantWritesThemTruncatedToMilliseconds() throws IOException {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            // Most in 1900–2199 as stored; some across year 0 and beyond 9999, where the JDK takes over.
            long bound = i % 10 == 0 ? 400_000_000_000L : 7_258_118_400L;
            long seconds = random.nextLong(-bound, bound);
            int nanos = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000);
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(Json.instant(instant)).as("%s", instant).isEqualTo(jdk(instant));
            assertThat(written(instant)).as("%s", instant).isEqualTo("{\"at\":\"" + jdk(instant) + "\"}");
        }
    }

    @Test
    void edgesOfTheFourDigitYearsAndOfTheDayAreWrittenLikeTheJdk() {
        for (String iso : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59.5Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2026-01-15T09:00:00.001Z",
            "2026-01-15T09:00:00.000999Z", "2026-12-31T23:59:59.100Z"}) {
            Instant instant = Instant.parse(iso);
            assertThat(Json.instant(instant)).as(iso).isEqualTo(jdk(instant));
        }
        assertThat(Json.instant(null)).isNull();
        assertThat(Json.instant(Instant.parse("2026-03-02T09:05:07.250Z"))).isEqualTo("2026-03-02T09:05:07.250Z");
    }

    @Test
    void nullInstantIsWrittenAsNull() throws IOException {
        assertThat(written(null)).isEqualTo("{\"at\":null}");
    }

    @Test
    void datesAreTheUtcCalendarDay() {
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-400_000_000_000L, 400_000_000_000L));
            assertThat(Json.date(instant)).isEqualTo(LocalDate.ofInstant(instant, ZoneOffset.UTC).toString());
        }
    }

    private static String written(Instant instant) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            Json.writeInstant(g, "at", instant, Json.instantScratch());
            g.writeEndObject();
        }
        return out.toString();
    }
}

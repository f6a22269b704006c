package org.agentworkspace.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one Jackson mapper of the HTTP layer, and the wire formats of instants and dates. */
final class Json {
    private static final long SECONDS_PER_DAY = 86_400;
    /** {@code 9999-12-31T23:59:59.999Z}. */
    private static final int INSTANT_CHARS = 24;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A repeated key would otherwise silently win by position; agents learn more from a 400.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of our own always serialises", e);
        }
    }

    /**
     * {@code 2026-01-15T09:00:00Z}: always UTC, milliseconds only when the instant has some
     * ({@code 2026-01-15T09:00:00.250Z}), exactly as {@link DateTimeFormatter#ISO_INSTANT} writes
     * the instant truncated to milliseconds.
     */
    static String instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        char[] chars = new char[INSTANT_CHARS];
        int length = instant(instant, chars);
        return length < 0 ? isoInstant(instant) : new String(chars, 0, length);
    }

    /** Writes {@code instant} as the field {@code name}, like {@link #instant(Instant)} or null. */
    static void writeInstant(JsonGenerator generator, String name, Instant instant, char[] scratch) throws IOException {
        generator.writeFieldName(name);
        if (instant == null) {
            generator.writeNull();
            return;
        }
        int length = instant(instant, scratch);
        if (length < 0) {
            generator.writeString(isoInstant(instant));
        } else {
            generator.writeString(scratch, 0, length);
        }
    }

    /** A buffer that {@link #writeInstant} can use. */
    static char[] instantScratch() {
        return new char[INSTANT_CHARS];
    }

    /**
     * Formats by hand: through {@code ISO_INSTANT} it was 3 % of the CPU of a week's listing
     * (docs/performance.md, "What changed"). Answers the length written, or -1 for a year outside
     * 0000–9999, whose sign and width the JDK's formatter decides.
     */
    private static int instant(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int millis = instant.getNano() / 1_000_000;
        int at = 19;
        if (millis != 0) {
            out[at] = '.';
            digits(out, at + 1, millis, 3);
            at += 4;
        }
        out[at] = 'Z';
        return at + 1;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String isoInstant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The UTC calendar date of an all-day boundary, {@code YYYY-MM-DD}. */
    static String date(Instant midnight) {
        // Not LocalDate.ofInstant: on JDK 17 its ZoneOffset.UTC rules are built anew on every call.
        return LocalDate.ofEpochDay(Math.floorDiv(midnight.getEpochSecond(), SECONDS_PER_DAY)).toString();
    }
}
